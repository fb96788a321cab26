package vn.hoctap.assessment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One attempt at a quiz: the questions it drew (copies, in the order shown), the answers saved so
 * far by position, and — once submitted — the score. {@code owner} is whatever the quiz belongs
 * to for the caller (an enrolment).
 */
public record Attempt(long id, long owner, String quiz, int number, LocalDateTime startedAt, LocalDateTime deadlineAt,
                      LocalDateTime submittedAt, Integer score, int maxScore, int passPercent, Boolean passed,
                      List<Grading.Item> items, Map<Integer, Answer> answers) {

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    public boolean isAnswered(int position) {
        Answer a = answers.get(position);
        return a != null && !a.isEmpty();
    }

    public int answeredCount() {
        return (int) answers.values().stream().filter(a -> !a.isEmpty()).count();
    }

    /** The first question not yet answered (0-based), or the last one when all are. */
    public int firstOpen() {
        for (int i = 0; i < items.size(); i++) {
            if (!isAnswered(i)) {
                return i;
            }
        }
        return items.size() - 1;
    }

    public boolean isCorrect(int position) {
        return Grading.isCorrect(items.get(position).question(), answers.get(position));
    }

    /** Seconds left before the time limit, or null when there is none. */
    public Long secondsLeft(LocalDateTime now) {
        if (deadlineAt == null) {
            return null;
        }
        return Math.max(0, java.time.Duration.between(now, deadlineAt).getSeconds());
    }
}
