package vn.hoctap.shared;

import java.util.List;

/**
 * Input that breaks a rule. Carries bundle keys and their arguments, never finished text, so each
 * page and API answer can say it in the reader's language.
 */
public class ValidationFailure extends RuntimeException {

    public record Problem(String field, String key, Object... args) {
    }

    private final List<Problem> problems;

    public ValidationFailure(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).key());
        this.problems = List.copyOf(problems);
    }

    public ValidationFailure(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
