package vn.hoctap.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How a quiz lesson draws and grades: {@code draw} questions at random from the bank (all when 0
 * or more than the bank holds), passed at {@code passPercent} of the points, an optional time
 * limit, and at most {@code attempts} attempts (0: unlimited).
 */
public record QuizSettings(int draw, int passPercent, Integer timeLimitMinutes, int attempts) {

    public QuizSettings {
        if (passPercent < 0 || passPercent > 100) {
            throw new IllegalArgumentException("passPercent must be 0–100");
        }
        if (draw < 0 || attempts < 0 || (timeLimitMinutes != null && timeLimitMinutes <= 0)) {
            throw new IllegalArgumentException("draw, attempts and the time limit cannot be negative");
        }
    }

    /** How many questions an attempt draws from a bank of {@code bank}. */
    public int drawn(int bank) {
        return draw <= 0 ? bank : Math.min(draw, bank);
    }

    @JsonIgnore
    public boolean isTimed() {
        return timeLimitMinutes != null;
    }

    @JsonIgnore
    public boolean isLimited() {
        return attempts > 0;
    }
}
