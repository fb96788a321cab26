package vn.hoctap.catalog.web;

import org.junit.jupiter.api.Test;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.LessonKind;
import vn.hoctap.library.Audience;
import vn.hoctap.library.Level;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentsTest {

    static final CourseDefinition COURSE = new CourseDefinition("attt", "An toàn", null, null, "ATTT", Audience.EVERYONE,
            Level.BASIC, 60, "vi", null, false, List.of(new CourseDefinition.Module("Phần 1 <mở đầu>", List.of(
            new CourseDefinition.Lesson("mat-khau", "Mật khẩu & \"cụm từ\"", LessonKind.TEXT, 10, false, null, null, null, null, null, null),
            new CourseDefinition.Lesson("lua-dao", "Lừa đảo", LessonKind.LINK, 0, false, null, null, "https://x.vn", null, null, null)))),
            List.of());

    static String msg(String key) {
        return switch (key) {
            case "course.lessonDone" -> "Đã học xong";
            case "course.minutesUnit" -> "phút";
            default -> "«" + key + "»";
        };
    }

    @Test
    void thePlayerMarksTheCurrentLessonAndTicksThoseDone() {
        String html = Contents.forPlayer("/hoctap", COURSE, Set.of("mat-khau"), "lua-dao", ContentsTest::msg);
        assertEquals("<ol class=\"modules\"><li><h2>Phần 1 &lt;mở đầu&gt;</h2><ol class=\"toc\">"
                + "<li class=\"done\"><a href=\"/hoctap/learn/lesson.xhtml?c=attt&amp;l=mat-khau\">Mật khẩu &amp; &quot;cụm từ&quot;</a>"
                + "<span class=\"tick\" aria-label=\"Đã học xong\"> ✓</span></li>"
                + "<li class=\" current\"><a href=\"/hoctap/learn/lesson.xhtml?c=attt&amp;l=lua-dao\" aria-current=\"page\">Lừa đảo</a></li>"
                + "</ol></li></ol>", html);
    }

    @Test
    void theCoursePageLinksLessonsOnlyOnceEnrolled() {
        String visitor = Contents.forCoursePage("", COURSE, null, ContentsTest::msg);
        assertFalse(visitor.contains("<a "), visitor);
        assertTrue(visitor.contains("<span>Lừa đảo</span><span class=\"muted\"> · «"), visitor);
        assertTrue(visitor.contains(", 10 phút"), visitor);
        String learner = Contents.forCoursePage("", COURSE, Set.of("lua-dao"), ContentsTest::msg);
        assertTrue(learner.contains("<a href=\"/learn/lesson.xhtml?c=attt&amp;l=mat-khau\">"), learner);
        assertTrue(learner.contains("Lừa đảo</a><span class=\"muted\"> · «") && learner.contains("> ✓</span></li></ol>"), learner);
    }
}
