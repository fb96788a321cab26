package vn.hoctap.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * What a learner answered, in the question's own terms (never in the shuffled order they saw):
 * SINGLE and MULTIPLE the chosen option indexes; TRUEFALSE {@code [1]} for true, {@code [0]} for
 * false; MATCHING for each left item the index of the right item chosen ({@code -1}: none);
 * SHORT the typed text.
 */
public record Answer(List<Integer> choices, String text) {

    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static Answer choices(List<Integer> chosen) {
        return new Answer(chosen, null);
    }

    public static Answer text(String typed) {
        return new Answer(List.of(), typed);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return choices.isEmpty() && (text == null || text.isBlank());
    }
}
