package vn.hoctap.assessment;

import vn.hoctap.shared.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of assessment, without a container: drawing and shuffling an attempt, grading an
 * answer, and the pass mark. Every question is worth one point and scores only when wholly right.
 */
public final class Grading {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Grading() {
    }

    /** A question as one attempt shows it: the order its choices appear in. */
    public record Item(Question question, List<Integer> order) {
    }

    /**
     * Draws {@code settings.draw()} questions at random (all of them when the bank is smaller) and
     * shuffles the choices of each, except true/false.
     */
    public static List<Item> draw(List<Question> bank, QuizSettings settings, Random random) {
        List<Question> pool = new ArrayList<>(bank);
        Collections.shuffle(pool, random);
        int n = settings.drawn(pool.size());
        List<Item> items = new ArrayList<>(n);
        for (Question q : pool.subList(0, n)) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < q.choiceCount(); i++) {
                order.add(i);
            }
            if (q.type() != QuestionType.TRUEFALSE) {
                Collections.shuffle(order, random);
            } else {
                Collections.reverse(order); // "Đúng" before "Sai"
            }
            items.add(new Item(q, List.copyOf(order)));
        }
        return items;
    }

    /** Whether the answer is wholly right. A missing answer is wrong. */
    public static boolean isCorrect(Question q, Answer a) {
        if (a == null || a.isEmpty()) {
            return false;
        }
        return switch (q.type()) {
            case SINGLE -> a.choices().size() == 1 && inRange(q, a.choices().get(0))
                    && q.options().get(a.choices().get(0)).correct();
            case MULTIPLE -> correctOptions(q).equals(new HashSet<>(a.choices()));
            case TRUEFALSE -> a.choices().size() == 1 && (a.choices().get(0) == 1) == Boolean.TRUE.equals(q.answer());
            case SHORT -> q.answers().stream().anyMatch(accepted -> comparable(accepted).equals(comparable(a.text())));
            case MATCHING -> matches(q, a.choices());
        };
    }

    /**
     * The form a short answer is compared in: no diacritics (đ → d), lower case, punctuation and
     * extra spaces gone. "Mật khẩu!" and "mat  khau" compare equal.
     */
    public static String comparable(String typed) {
        return NOT_WORD.matcher(Text.fold(typed)).replaceAll(" ").trim();
    }

    /** Points needed to pass {@code max} points at {@code passPercent}: rounded up, never fewer. */
    public static int pointsToPass(int max, int passPercent) {
        return (max * passPercent + 99) / 100;
    }

    public static boolean passed(int score, int max, int passPercent) {
        return score >= pointsToPass(max, passPercent);
    }

    private static boolean inRange(Question q, int index) {
        return index >= 0 && index < q.options().size();
    }

    private static Set<Integer> correctOptions(Question q) {
        Set<Integer> correct = new HashSet<>();
        for (int i = 0; i < q.options().size(); i++) {
            if (q.options().get(i).correct()) {
                correct.add(i);
            }
        }
        return correct;
    }

    private static boolean matches(Question q, List<Integer> chosen) {
        if (chosen.size() != q.pairs().size()) {
            return false;
        }
        for (int i = 0; i < chosen.size(); i++) {
            Integer right = chosen.get(i);
            // Two pairs may share a right-hand text: what counts is the text, not the index.
            if (right == null || right < 0 || right >= q.pairs().size()
                    || !q.pairs().get(right).right().equals(q.pairs().get(i).right())) {
                return false;
            }
        }
        return true;
    }
}
