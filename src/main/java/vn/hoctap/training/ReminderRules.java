package vn.hoctap.training;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.OptionalInt;

/**
 * When reminders go out. With steps 30, 7 and 1 days, someone who still owes courses gets one
 * reminder when 30 days are left, one at 7 and one on the last day — each once, and one that was
 * missed (the programme was published late, the job did not run that day) is not sent on top of a
 * later one: only the step the day falls in counts.
 */
public final class ReminderRules {

    private ReminderRules() {
    }

    /** The reminder step the day falls in (the smallest step ≥ days left), or empty: too early, or past the deadline. */
    public static OptionalInt step(long daysLeft, List<Integer> steps) {
        if (daysLeft < 0) {
            return OptionalInt.empty();
        }
        return steps.stream().mapToInt(Integer::intValue).filter(s -> daysLeft <= s).min();
    }

    /** The ISO week of a day ({@code 2026-W48}): a digest goes out once a week. */
    public static String week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Whether an officer's weekly digest is worth sending: people overdue, or still owing with the deadline a month away or less. */
    public static boolean digestDue(Compliance.Counts c, long daysLeft) {
        return c.overdue() > 0 || daysLeft <= 30 && c.notDone() > 0;
    }

    /** Whether an agency is escalated to the province: the deadline near (or past) and its completion rate below the threshold. */
    public static boolean escalate(Compliance.Counts c, long daysLeft, int withinDays, double minRate) {
        return c.assigned() > 0 && daysLeft <= withinDays && c.rate() < minRate;
    }

    /** Parses "30,7,1". */
    public static List<Integer> steps(String config) {
        return java.util.Arrays.stream(config.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .filter(d -> d >= 0).sorted().toList();
    }
}
