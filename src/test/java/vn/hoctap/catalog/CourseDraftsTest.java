package vn.hoctap.catalog;

import org.junit.jupiter.api.Test;
import vn.hoctap.assessment.Question;
import vn.hoctap.assessment.QuestionType;
import vn.hoctap.assessment.QuizSettings;
import vn.hoctap.library.Audience;
import vn.hoctap.library.Level;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseDraftsTest {

    private static CourseDefinition.Lesson lesson(String key, String title, LessonKind kind, String markdown, String html) {
        return new CourseDefinition.Lesson(key, title, kind, 10, false, markdown, html, "https://x.vn", 7L, 2,
                new QuizSettings(5, 80, null, 0));
    }

    private static CourseDefinition course(List<CourseDefinition.Lesson> lessons, List<Question> questions) {
        return new CourseDefinition("ignored", " An toàn thông tin ", null, "Tóm tắt", "An toàn thông tin",
                Audience.CIVIL_SERVANTS, Level.BASIC, 120, "vi", 9L, false,
                List.of(new CourseDefinition.Module("Phần 1", lessons)), questions);
    }

    private static Question single(String key) {
        return new Question(key, QuestionType.SINGLE, "Mật khẩu nào mạnh nhất?",
                List.of(new Question.Option("123456", false), new Question.Option("Ngựa-Vàng-Mây-42!", true)),
                null, null, null, "Dài và khó đoán.");
    }

    @Test
    void editedTextBecomesMarkdownAndUntouchedTextStaysAsWritten() {
        CourseDefinition d = CourseDrafts.normalise("attt", course(List.of(
                lesson("mat-khau", "Mật khẩu", LessonKind.TEXT, "Viết *như cũ*\n", "<p>ignored</p>"),
                lesson(null, "Thư điện tử lừa đảo", LessonKind.TEXT, null, "<h2>Dấu hiệu</h2><p>Địa chỉ <b>lạ</b></p>")),
                List.of(single("q1"))));
        assertEquals("attt", d.code());
        assertEquals(9L, d.cover(), "the cover stays");
        assertEquals("An toàn thông tin", d.title());
        CourseDefinition.Lesson kept = d.lessons().get(0);
        assertEquals("Viết *như cũ*\n", kept.markdown());
        assertEquals("<p>Viết <em>như cũ</em></p>", kept.html().strip());
        CourseDefinition.Lesson edited = d.lessons().get(1);
        assertEquals("thu-dien-tu-lua-dao", edited.key());
        assertEquals("## Dấu hiệu\n\nĐịa chỉ **lạ**\n", edited.markdown());
        assertNull(edited.link());
        assertNull(edited.materialId());
        assertNull(edited.materialVersion());
        assertNull(edited.quiz());
    }

    @Test
    void newKeysNeverCollide() {
        CourseDefinition d = CourseDrafts.normalise("attt-2026", course(List.of(
                lesson("bai-1", "Bài 1", LessonKind.TEXT, "a", null),
                lesson(null, "Bài 1", LessonKind.TEXT, "b", null),
                lesson("bai-1", "Chép", LessonKind.TEXT, "c", null)),
                List.of(single(null), single("q1"), single("q1"))));
        assertEquals(List.of("bai-1", "bai-1-2", "chep"), d.lessons().stream().map(CourseDefinition.Lesson::key).toList());
        List<String> keys = d.questions().stream().map(Question::key).toList();
        assertEquals(3, keys.stream().distinct().count(), keys.toString());
    }

    @Test
    void eachKindKeepsOnlyItsFields() {
        CourseDefinition d = CourseDrafts.normalise("attt-2026", course(List.of(
                lesson("a", "Liên kết", LessonKind.LINK, null, ""),
                lesson("b", "Học liệu", LessonKind.MATERIAL, null, "<p>Đọc trước trang 3.</p>"),
                lesson("c", "Kiểm tra", LessonKind.QUIZ, null, null)), List.of(single("q1"))));
        CourseDefinition.Lesson link = d.lessons().get(0);
        assertEquals("https://x.vn", link.link());
        assertNull(link.markdown());
        assertNull(link.quiz());
        CourseDefinition.Lesson material = d.lessons().get(1);
        assertEquals(7L, material.materialId());
        assertEquals(2, material.materialVersion(), "the pinned version");
        assertEquals("Đọc trước trang 3.\n", material.markdown());
        CourseDefinition.Lesson quiz = d.lessons().get(2);
        assertEquals(80, quiz.quiz().passPercent());
        assertNull(quiz.link());
    }

    @Test
    void aQuestionKeepsOnlyTheFieldsOfItsType() {
        Question changed = new Question("q1", QuestionType.SHORT, "Ứng dụng định danh điện tử?",
                List.of(new Question.Option("", true), new Question.Option("", false)), true, List.of("VNeID", " "),
                List.of(new Question.Pair("a", "b")), null);
        Question kept = CourseDrafts.normalise("attt-2026", course(List.of(lesson("doc", "Đọc", LessonKind.TEXT, "x", null)),
                List.of(changed))).questions().get(0);
        assertEquals(List.of(), kept.options());
        assertNull(kept.answer());
        assertEquals(List.of("VNeID"), kept.answers());
        assertEquals(List.of(), kept.pairs());
    }

    @Test
    void problemsAreTheFormatsRules() {
        CourseDefinition whole = CourseDrafts.normalise("attt-2026", course(List.of(
                lesson("a", "Bài đọc", LessonKind.TEXT, "Nội dung", null),
                lesson("b", "Kiểm tra", LessonKind.QUIZ, null, null)), List.of(single("q1"))));
        assertEquals(List.of(), CourseDrafts.problems(whole));

        CourseDefinition broken = CourseDrafts.normalise("attt-2026", new CourseDefinition("attt-2026", "", null, null, "", Audience.EVERYONE,
                Level.BASIC, 0, "vi", null, false, List.of(new CourseDefinition.Module("", List.of(
                lesson("a", "", LessonKind.TEXT, null, "<p> </p>"),
                lesson("b", "Kiểm tra", LessonKind.QUIZ, null, null)))),
                List.of(new Question("q1", QuestionType.MULTIPLE, "?", List.of(new Question.Option("x", true)), null, null, null, null))));
        List<String> problems = CourseDrafts.problems(broken);
        assertTrue(problems.contains("course.yaml: title is required"), problems.toString());
        assertTrue(problems.contains("course.yaml: topic is required"), problems.toString());
        assertTrue(problems.contains("course.yaml: module 1 title is required"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains(": a text lesson needs text")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("question q1: a multiple-choice question needs 3 or more options")),
                problems.toString());
    }

    @Test
    void whatPagesReadIsNotStoredInAVersion() {
        String json = CourseFormat.toJson(course(List.of(lesson("doc", "Đọc", LessonKind.TEXT, "x", null)), List.of()));
        for (String derived : List.of("kindKey", "lessonCount", "audienceKey", "levelKey", "estimatedMinutes", "requiredLessons")) {
            assertTrue(!json.contains(derived), derived + " would change every stored version's hash");
        }
    }
}
