package vn.hoctap.training;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The figures a compliance dashboard shows, as plain values (pages, the API and the exports share them). */
public final class Compliance {

    private Compliance() {
    }

    /** A rate as Vietnamese write it, one decimal with a comma (39,7). */
    public static String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f", rate).replace('.', ',');
    }

    /**
     * Counts of active assignments. {@code notDone} splits into in progress and not started before
     * the deadline; after it, all of it is overdue.
     */
    public record Counts(long assigned, long completed, long completedLate, long inProgress, long notStarted, boolean pastDeadline) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, false);

        public long done() {
            return completed + completedLate;
        }

        public long notDone() {
            return assigned - done();
        }

        public long overdue() {
            return pastDeadline ? notDone() : 0;
        }

        /** Percent done, one decimal (0 when nobody is assigned). */
        public double rate() {
            return assigned == 0 ? 0 : Math.round(done() * 1000.0 / assigned) / 10.0;
        }

        /** How many have the status (null: everyone assigned). */
        public long count(ComplianceStatus status) {
            if (status == null) {
                return assigned;
            }
            return switch (status) {
                case COMPLETED -> completed;
                case COMPLETED_LATE -> completedLate;
                case IN_PROGRESS -> pastDeadline ? 0 : inProgress;
                case NOT_STARTED -> pastDeadline ? 0 : notStarted;
                case OVERDUE -> overdue();
            };
        }

        Counts plus(Counts o) {
            return new Counts(assigned + o.assigned, completed + o.completed, completedLate + o.completedLate,
                    inProgress + o.inProgress, notStarted + o.notStarted, pastDeadline || o.pastDeadline);
        }
    }

    /** One line of a dashboard: a node under the one shown (or the node itself, for people placed directly in it). */
    public record Line(long unitId, String code, String name, boolean direct, boolean hasChildren, Counts counts) {
    }

    /** A node on the way from the officer's scope down to the node shown. */
    public record Crumb(long unitId, String name) {
    }

    public record Dashboard(Programme programme, long nodeId, String nodeName, List<Crumb> trail, Counts total, List<Line> lines) {
    }

    /** One assigned person, for the drill-down and the export. */
    public record PersonLine(long personId, String fullName, String username, String staffCode, String unitName,
                             int coursesDone, int required, ComplianceStatus status, LocalDateTime completedAt) {
    }

    /** Completions per day (Vietnam time), cumulated, for the chart against the deadline. */
    public record Point(LocalDate day, long done) {
    }

    /** A course of an obligation, and whether it counts as done in the programme's window. */
    public record OwedCourse(String code, String title, boolean done) {
    }

    /** A programme a learner is assigned to: what they still owe, by when. */
    public record Obligation(String code, String name, LocalDate deadline, long daysLeft, ComplianceStatus status,
                             int required, int coursesDone, List<OwedCourse> courses) {
    }
}
