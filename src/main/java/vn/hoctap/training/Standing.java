package vn.hoctap.training;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Where one assigned person stands in a programme, computed from the records projection
 * ({@code learning_summary}) of the programme's courses: how many courses count as done, whether
 * they have started, and when the programme was completed (the moment the required number of
 * courses was reached).
 *
 * <p>A completion counts when it lies in the programme's window ({@link Window}): completions
 * earned before the person was assigned still count if they fall inside it.
 */
public record Standing(int coursesDone, boolean started, LocalDateTime completedAt) {

    public static final Standing NONE = new Standing(0, false, null);

    /**
     * What the records projection says about one course of the programme for one person: the first
     * and the latest completion (a course taken again in a new period), and when it was last seen.
     */
    public record CourseRecord(long courseId, boolean completed, LocalDateTime firstCompletedAt, LocalDateTime lastCompletedAt,
                               LocalDateTime lastSeen) {

        /** A record with one completion (or none). */
        public CourseRecord(long courseId, boolean completed, LocalDateTime completedAt, LocalDateTime lastSeen) {
            this(courseId, completed, completedAt, completedAt, lastSeen);
        }

        /**
         * The completion that counts from {@code from}: the first if it is inside the window, else the
         * latest if that is (the summary keeps these two: with three completions or more, one between
         * them may be earlier inside the window; the latest is then used, later than strictly needed).
         */
        public LocalDateTime countedFrom(LocalDateTime from) {
            if (!completed) {
                return null;
            }
            if (firstCompletedAt != null && !firstCompletedAt.isBefore(from)) {
                return firstCompletedAt;
            }
            return lastCompletedAt != null && !lastCompletedAt.isBefore(from) ? lastCompletedAt : null;
        }
    }

    /**
     * From which moment completions count: the period's start, or, with recertification every N
     * months, N months before the deadline (so a completion late last year may still count, and one
     * older than N months at the deadline does not).
     */
    public record Window(LocalDate periodStart, LocalDate deadline, Integer recertMonths) {

        public LocalDateTime from() {
            return (recertMonths == null ? periodStart : deadline.minusMonths(recertMonths)).atStartOfDay();
        }
    }

    /** The standing for {@code required} of the programme's courses (k of n), from that person's course records. */
    public static Standing of(Window window, int required, Collection<CourseRecord> records) {
        LocalDateTime from = window.from();
        List<LocalDateTime> counted = new ArrayList<>();
        boolean started = false;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (CourseRecord r : records) {
            if (r.lastSeen() != null && !r.lastSeen().isBefore(from)) {
                started = true;
            }
            LocalDateTime at = r.countedFrom(from);
            if (at != null && seen.add(r.courseId())) {
                counted.add(at);
            }
        }
        counted.sort(Comparator.naturalOrder());
        LocalDateTime completedAt = counted.size() >= required && required > 0 ? counted.get(required - 1) : null;
        return new Standing(counted.size(), started || !counted.isEmpty(), completedAt);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }
}
