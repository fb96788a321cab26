package vn.hoctap.assessment;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradingTest {

    static final Question SINGLE = new Question("s", QuestionType.SINGLE, "?", List.of(
            new Question.Option("a", false), new Question.Option("b", true), new Question.Option("c", false)),
            null, null, null, null);
    static final Question MULTIPLE = new Question("m", QuestionType.MULTIPLE, "?", List.of(
            new Question.Option("a", true), new Question.Option("b", true), new Question.Option("c", false)),
            null, null, null, null);
    static final Question TRUE = new Question("t", QuestionType.TRUEFALSE, "?", null, true, null, null, null);
    static final Question FALSE = new Question("f", QuestionType.TRUEFALSE, "?", null, false, null, null, null);
    static final Question SHORT = new Question("x", QuestionType.SHORT, "?", null, null,
            List.of("Chuyển đổi số", "mã OTP"), null, null);
    static final Question MATCHING = new Question("p", QuestionType.MATCHING, "?", null, null, null, List.of(
            new Question.Pair("Tô Hiệu", "phường"), new Question.Pair("Sơn La", "tỉnh"),
            new Question.Pair("Chiềng Cơi", "phường")), null);

    @Test
    void singleChoiceScoresOnlyTheCorrectOption() {
        assertTrue(Grading.isCorrect(SINGLE, Answer.choices(List.of(1))));
        assertFalse(Grading.isCorrect(SINGLE, Answer.choices(List.of(0))));
        assertFalse(Grading.isCorrect(SINGLE, Answer.choices(List.of(1, 0))), "two picks on a single choice");
        assertFalse(Grading.isCorrect(SINGLE, Answer.choices(List.of(7))), "an index that does not exist");
        assertFalse(Grading.isCorrect(SINGLE, null));
        assertFalse(Grading.isCorrect(SINGLE, Answer.choices(List.of())));
    }

    @Test
    void multipleChoiceNeedsAllAndOnlyTheCorrectOptions() {
        assertTrue(Grading.isCorrect(MULTIPLE, Answer.choices(List.of(1, 0))));
        assertFalse(Grading.isCorrect(MULTIPLE, Answer.choices(List.of(0))), "one missing");
        assertFalse(Grading.isCorrect(MULTIPLE, Answer.choices(List.of(0, 1, 2))), "one too many");
    }

    @Test
    void trueFalseCompareTheTruthValue() {
        assertTrue(Grading.isCorrect(TRUE, Answer.choices(List.of(1))));
        assertFalse(Grading.isCorrect(TRUE, Answer.choices(List.of(0))));
        assertTrue(Grading.isCorrect(FALSE, Answer.choices(List.of(0))));
        assertFalse(Grading.isCorrect(FALSE, Answer.choices(List.of(1))));
    }

    @Test
    void shortAnswersIgnoreDiacriticsCaseSpacesAndPunctuation() {
        assertTrue(Grading.isCorrect(SHORT, Answer.text("chuyen doi so")));
        assertTrue(Grading.isCorrect(SHORT, Answer.text("  CHUYỂN   ĐỔI SỐ. ")));
        assertTrue(Grading.isCorrect(SHORT, Answer.text("Chuyển đổi số")), "decomposed (NFD) input");
        assertTrue(Grading.isCorrect(SHORT, Answer.text("ma otp")), "any accepted answer");
        assertTrue(Grading.isCorrect(SHORT, Answer.text("Mã-OTP!")));
        assertFalse(Grading.isCorrect(SHORT, Answer.text("chuyen doi")), "a part is not the answer");
        assertFalse(Grading.isCorrect(SHORT, Answer.text("")));
        assertEquals("khoa hoc", Grading.comparable("Khoá   học"));
        assertEquals(Grading.comparable("khoá"), Grading.comparable("khóa"), "old and new tone placement");
        assertEquals("dao", Grading.comparable("Đào"));
    }

    @Test
    void matchingScoresWhenEveryLeftItemHasItsRightItem() {
        assertTrue(Grading.isCorrect(MATCHING, Answer.choices(List.of(0, 1, 2))));
        assertTrue(Grading.isCorrect(MATCHING, Answer.choices(List.of(2, 1, 0))), "equal right-hand texts are interchangeable");
        assertFalse(Grading.isCorrect(MATCHING, Answer.choices(List.of(1, 0, 2))));
        assertFalse(Grading.isCorrect(MATCHING, Answer.choices(List.of(0, 1))), "one left unanswered");
        assertFalse(Grading.isCorrect(MATCHING, Answer.choices(List.of(0, 1, -1))));
    }

    @Test
    void passMarkIsAPercentOfPointsRoundedUp() {
        assertEquals(9, Grading.pointsToPass(12, 70), "8.4 points round up to 9");
        assertTrue(Grading.passed(9, 12, 70));
        assertFalse(Grading.passed(8, 12, 70));
        assertEquals(7, Grading.pointsToPass(10, 70));
        assertEquals(0, Grading.pointsToPass(10, 0));
        assertEquals(10, Grading.pointsToPass(10, 100));
    }

    @Test
    void aDrawTakesDistinctQuestionsAndShufflesTheirChoices() {
        List<Question> bank = List.of(SINGLE, MULTIPLE, TRUE, FALSE, SHORT, MATCHING);
        Random random = new Random(42);
        Set<List<Integer>> orders = new HashSet<>();
        for (int round = 0; round < 50; round++) {
            List<Grading.Item> items = Grading.draw(bank, new QuizSettings(4, 70, null, 0), random);
            assertEquals(4, items.size());
            assertEquals(4, items.stream().map(i -> i.question().key()).distinct().count());
            for (Grading.Item item : items) {
                assertEquals(item.question().choiceCount(), item.order().size());
                assertEquals(item.question().choiceCount(), new HashSet<>(item.order()).size(), "a permutation");
                if (item.question().key().equals("s")) {
                    orders.add(item.order());
                }
                if (item.question().type() == QuestionType.TRUEFALSE) {
                    assertEquals(List.of(1, 0), item.order(), "true before false, always");
                }
            }
        }
        assertTrue(orders.size() > 1, "options are shuffled");
        assertEquals(6, Grading.draw(bank, new QuizSettings(0, 70, null, 0), random).size(), "0 draws the whole bank");
        assertEquals(6, Grading.draw(bank, new QuizSettings(20, 70, null, 0), random).size(), "never more than the bank");
    }

    @Test
    void settingsRefuseImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new QuizSettings(10, 120, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new QuizSettings(10, 70, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new QuizSettings(-1, 70, null, 0));
    }
}
