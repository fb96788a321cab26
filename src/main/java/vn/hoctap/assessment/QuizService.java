package vn.hoctap.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quiz attempts, stored as they happen: an attempt is drawn once and kept, each answer is saved
 * the moment it is given (a reload or a lost connection loses nothing, even under a time limit),
 * and submitting grades what was saved. An attempt past its time limit is submitted with the
 * answers it has. Who may act on which attempt is the caller's business (it owns {@code owner}).
 */
@ApplicationScoped
public class QuizService {

    /** A saved answer still counts if it arrives this long after the deadline (network latency). */
    static final long GRACE_SECONDS = 20;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Sql sql;

    /** Every attempt of this owner at this quiz, oldest first (deadlines enforced). */
    @Transactional
    public List<Attempt> attempts(long owner, String quiz) {
        List<Attempt> attempts = sql.list("SELECT * FROM quiz_attempt WHERE enrolment_id = ? AND lesson_key = ? ORDER BY number",
                rs -> row(rs), owner, quiz).stream().map(this::withAnswers).toList();
        return attempts.stream().map(this::closeIfExpired).toList();
    }

    public Optional<Attempt> attempt(long id) {
        return sql.one("SELECT * FROM quiz_attempt WHERE id = ?", QuizService::row, id).map(this::withAnswers).map(this::closeIfExpired);
    }

    /** The attempt in progress, or a new one when attempts remain; empty when none remain. */
    @Transactional
    public Optional<Attempt> startOrResume(long owner, String quiz, List<Question> bank, QuizSettings settings) {
        List<Attempt> attempts = attempts(owner, quiz);
        Optional<Attempt> open = attempts.stream().filter(a -> !a.isSubmitted()).findFirst();
        if (open.isPresent()) {
            return open;
        }
        if (settings.isLimited() && attempts.size() >= settings.attempts()) {
            return Optional.empty();
        }
        if (attempts.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed()))) {
            throw new ValidationFailure(null, "quiz.alreadyPassed");
        }
        List<Grading.Item> items = Grading.draw(bank, settings, RANDOM);
        LocalDateTime now = Times.nowUtc();
        LocalDateTime deadline = settings.isTimed() ? now.plusMinutes(settings.timeLimitMinutes()) : null;
        long id = sql.insert("INSERT INTO quiz_attempt (enrolment_id, lesson_key, number, started_at, deadline_at, max_score,"
                        + " pass_percent, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                owner, quiz, attempts.size() + 1, now, deadline, items.size(), settings.passPercent(), json(items));
        return attempt(id);
    }

    /**
     * Saves one answer (replacing an earlier one for the same question). Refused once the attempt
     * is submitted or its time is up.
     */
    @Transactional
    public Attempt answer(long attemptId, int position, Answer answer) {
        Attempt a = attempt(attemptId).orElseThrow(() -> new ValidationFailure(null, "quiz.noAttempt"));
        if (a.isSubmitted()) {
            throw new ValidationFailure(null, "quiz.alreadySubmitted");
        }
        if (position < 0 || position >= a.items().size()) {
            throw new ValidationFailure(null, "quiz.noQuestion");
        }
        sql.update("INSERT INTO quiz_answer (attempt_id, position, answer, answered_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE answer = VALUES(answer), answered_at = VALUES(answered_at)",
                attemptId, position, json(answer), Times.nowUtc());
        return attempt(attemptId).orElseThrow();
    }

    /** Grades and closes the attempt (again: answers nothing new). */
    @Transactional
    public Attempt submit(long attemptId) {
        Attempt a = attempt(attemptId).orElseThrow(() -> new ValidationFailure(null, "quiz.noAttempt"));
        return a.isSubmitted() ? a : grade(a, Times.nowUtc());
    }

    private Attempt grade(Attempt a, LocalDateTime at) {
        int score = 0;
        for (int i = 0; i < a.items().size(); i++) {
            if (a.isCorrect(i)) {
                score++;
            }
        }
        boolean passed = Grading.passed(score, a.maxScore(), a.passPercent());
        int changed = sql.update("UPDATE quiz_attempt SET submitted_at = ?, score = ?, passed = ? WHERE id = ? AND submitted_at IS NULL",
                at, score, passed, a.id());
        if (changed == 0) {
            return attempt(a.id()).orElseThrow();
        }
        return new Attempt(a.id(), a.owner(), a.quiz(), a.number(), a.startedAt(), a.deadlineAt(), at, score,
                a.maxScore(), a.passPercent(), passed, a.items(), a.answers());
    }

    /** A timed attempt whose time is up is submitted with the answers it has. */
    private Attempt closeIfExpired(Attempt a) {
        if (!a.isSubmitted() && a.deadlineAt() != null
                && Times.nowUtc().isAfter(a.deadlineAt().plusSeconds(GRACE_SECONDS))) {
            return grade(a, a.deadlineAt());
        }
        return a;
    }

    private Attempt withAnswers(Attempt a) {
        Map<Integer, Answer> answers = new HashMap<>();
        sql.list("SELECT position, answer FROM quiz_answer WHERE attempt_id = ?",
                rs -> Map.entry(rs.getInt(1), read(rs.getString(2), Answer.class)), a.id())
                .forEach(e -> answers.put(e.getKey(), e.getValue()));
        return new Attempt(a.id(), a.owner(), a.quiz(), a.number(), a.startedAt(), a.deadlineAt(), a.submittedAt(),
                a.score(), a.maxScore(), a.passPercent(), a.passed(), a.items(), Map.copyOf(answers));
    }

    private static Attempt row(java.sql.ResultSet rs) throws java.sql.SQLException {
        int score = rs.getInt("score");
        Integer scoreOrNull = rs.wasNull() ? null : score;
        boolean passed = rs.getBoolean("passed");
        Boolean passedOrNull = rs.wasNull() ? null : passed;
        List<Grading.Item> items = read(rs.getString("items"), new TypeReference<List<Grading.Item>>() { });
        return new Attempt(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getString("lesson_key"), rs.getInt("number"),
                Sql.time(rs, "started_at"), Sql.time(rs, "deadline_at"), Sql.time(rs, "submitted_at"), scoreOrNull,
                rs.getInt("max_score"), rs.getInt("pass_percent"), passedOrNull, items, Map.of());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
