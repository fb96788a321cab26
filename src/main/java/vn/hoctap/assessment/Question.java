package vn.hoctap.assessment;

import java.util.List;

/**
 * One question of a course's bank, as the course format writes it. Immutable: an attempt keeps a
 * copy of each question it drew, so editing the bank later never changes a graded attempt.
 *
 * @param key      stable within the course
 * @param options  SINGLE and MULTIPLE: the options, some marked correct
 * @param answer   TRUEFALSE: whether the statement is true
 * @param answers  SHORT: the accepted answers
 * @param pairs    MATCHING: the pairs as they belong together
 * @param feedback shown after grading: why the answer is what it is
 */
public record Question(String key, QuestionType type, String prompt, List<Option> options, Boolean answer,
                       List<String> answers, List<Pair> pairs, String feedback) {

    public record Option(String text, boolean correct) {
    }

    public record Pair(String left, String right) {
    }

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        answers = answers == null ? List.of() : List.copyOf(answers);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** How many choices the learner picks among (options, the two truth values, right-hand items). */
    public int choiceCount() {
        return switch (type) {
            case SINGLE, MULTIPLE -> options.size();
            case TRUEFALSE -> 2;
            case MATCHING -> pairs.size();
            case SHORT -> 0;
        };
    }
}
