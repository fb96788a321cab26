package vn.hoctap.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a person stands in a course: the lessons done, what opens next, how far along they are.
 * In an "in order" course a lesson opens only when every required lesson before it is done.
 */
public record Progress(Enrolment enrolment, PublishedCourse course, Set<String> done) {

    public Progress {
        done = Set.copyOf(done);
    }

    public boolean isDone(String lessonKey) {
        return done.contains(lessonKey);
    }

    public boolean isOpen(CourseDefinition.Lesson lesson) {
        if (!course.definition().inOrder()) {
            return true;
        }
        for (CourseDefinition.Lesson l : course.definition().lessons()) {
            if (l.key().equals(lesson.key())) {
                return true;
            }
            if (!l.optional() && !done.contains(l.key())) {
                return false;
            }
        }
        return false;
    }

    /** Percent of the required lessons done (0–100). */
    public int percent() {
        List<CourseDefinition.Lesson> required = course.definition().requiredLessons();
        if (required.isEmpty()) {
            return 100;
        }
        long n = required.stream().filter(l -> done.contains(l.key())).count();
        return (int) (n * 100 / required.size());
    }

    public boolean allRequiredDone() {
        return course.definition().requiredLessons().stream().allMatch(l -> done.contains(l.key()));
    }

    /** Where to pick up: the last lesson opened if not done, else the first lesson not done. */
    public CourseDefinition.Lesson resume() {
        List<CourseDefinition.Lesson> lessons = course.definition().lessons();
        if (enrolment.lastLesson() != null && !done.contains(enrolment.lastLesson())) {
            Optional<CourseDefinition.Lesson> last = course.definition().lesson(enrolment.lastLesson());
            if (last.isPresent()) {
                return last.get();
            }
        }
        return lessons.stream().filter(l -> !done.contains(l.key())).findFirst().orElse(lessons.get(0));
    }

    public Optional<CourseDefinition.Lesson> after(String lessonKey) {
        List<CourseDefinition.Lesson> lessons = course.definition().lessons();
        for (int i = 0; i < lessons.size() - 1; i++) {
            if (lessons.get(i).key().equals(lessonKey)) {
                return Optional.of(lessons.get(i + 1));
            }
        }
        return Optional.empty();
    }

    public Optional<CourseDefinition.Lesson> before(String lessonKey) {
        List<CourseDefinition.Lesson> lessons = course.definition().lessons();
        for (int i = 1; i < lessons.size(); i++) {
            if (lessons.get(i).key().equals(lessonKey)) {
                return Optional.of(lessons.get(i - 1));
            }
        }
        return Optional.empty();
    }
}
