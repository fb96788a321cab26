package vn.hoctap.catalog;

import vn.hoctap.assessment.Question;
import vn.hoctap.assessment.QuizSettings;
import vn.hoctap.library.Audience;
import vn.hoctap.library.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a version of a course is: its facts, its modules and lessons, and its question bank.
 * It is what {@link CourseFormat} reads from and writes to {@code content/courses/<code>/}, and
 * what a version stores (as JSON): a published version never changes.
 *
 * @param creditedMinutes learning time credited to the person's record on completion
 * @param cover           the library material (an image) shown as the course's cover, or null
 */
public record CourseDefinition(String code, String title, String titleEn, String summary, String topic,
                               Audience audience, Level level, int creditedMinutes, String language, Long cover,
                               boolean inOrder, List<Module> modules, List<Question> questions) {

    public record Module(String title, List<Lesson> lessons) {
        public Module {
            lessons = List.copyOf(lessons);
        }
    }

    /**
     * A lesson. {@code markdown} is the text as written, {@code html} the same text rendered and
     * sanitised (what the player shows). A material lesson shows library material
     * {@code materialId}: its published version, or version number {@code materialVersion} when
     * the author pinned one.
     */
    public record Lesson(String key, String title, LessonKind kind, int minutes, boolean optional,
                         String markdown, String html, String link, Long materialId, Integer materialVersion,
                         QuizSettings quiz) {

        /** The bundle key naming the lesson's kind ({@code #{msg[l.kindKey]}}: no reflective method call per lesson). */
        public String kindKey() {
            return kind.messageKey();
        }
    }

    public CourseDefinition {
        modules = List.copyOf(modules);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** The lessons in the order a learner takes them. */
    public List<Lesson> lessons() {
        List<Lesson> all = new ArrayList<>();
        modules.forEach(m -> all.addAll(m.lessons()));
        return all;
    }

    public Optional<Lesson> lesson(String key) {
        return lessons().stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** The lessons that count for completion. */
    public List<Lesson> requiredLessons() {
        return lessons().stream().filter(l -> !l.optional()).toList();
    }

    public int lessonCount() {
        return modules.stream().mapToInt(m -> m.lessons().size()).sum();
    }

    public String audienceKey() {
        return audience.messageKey();
    }

    public String levelKey() {
        return level.messageKey();
    }

    public int estimatedMinutes() {
        return lessons().stream().mapToInt(Lesson::minutes).sum();
    }
}
