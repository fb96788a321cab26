package vn.hoctap.catalog;

import java.time.LocalDateTime;

/**
 * A person in a course. It follows the course's published version until it is completed (progress
 * is kept per lesson key, so a new version keeps it valid); {@code registration} ties its
 * statements together in the learning record.
 */
public record Enrolment(long id, long personId, long courseId, long versionId, String registration,
                        LocalDateTime enrolledAt, String lastLesson, LocalDateTime lastSeenAt, LocalDateTime completedAt) {

    public boolean isCompleted() {
        return completedAt != null;
    }
}
