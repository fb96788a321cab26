package vn.hoctap.catalog;

import java.time.LocalDateTime;

/**
 * The published version of a course, as learners see it. Immutable, so it is cached by version id.
 *
 * @param number the version's number (1, 2, …)
 */
public record PublishedCourse(long courseId, long versionId, int number, LocalDateTime publishedAt,
                              CourseDefinition definition) {

    public String code() {
        return definition.code();
    }

    public String title() {
        return definition.title();
    }
}
