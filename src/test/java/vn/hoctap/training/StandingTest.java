package vn.hoctap.training;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How course records become a programme standing: windows, recertification, k of n, statuses. */
class StandingTest {

    static final Standing.Window YEAR_2026 = new Standing.Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), null);

    static Standing.CourseRecord done(long course, String at) {
        LocalDateTime t = LocalDateTime.parse(at);
        return new Standing.CourseRecord(course, true, t, t);
    }

    static Standing.CourseRecord started(long course, String at) {
        return new Standing.CourseRecord(course, false, null, LocalDateTime.parse(at));
    }

    @Test
    void allCoursesRequired() {
        Standing s = Standing.of(YEAR_2026, 2, List.of(done(1, "2026-03-01T08:00"), started(2, "2026-03-02T08:00")));
        assertEquals(1, s.coursesDone());
        assertTrue(s.started());
        assertFalse(s.isCompleted());
        Standing both = Standing.of(YEAR_2026, 2, List.of(done(1, "2026-03-01T08:00"), done(2, "2026-05-02T08:00")));
        assertEquals(LocalDateTime.parse("2026-05-02T08:00"), both.completedAt(), "completed when the last one was done");
    }

    @Test
    void kOfNCompletesAtTheKthCourse() {
        Standing s = Standing.of(YEAR_2026, 2, List.of(done(3, "2026-09-01T08:00"), done(1, "2026-02-01T08:00"),
                done(2, "2026-04-01T08:00")));
        assertEquals(3, s.coursesDone());
        assertEquals(LocalDateTime.parse("2026-04-01T08:00"), s.completedAt());
    }

    @Test
    void completionsBeforeThePeriodDoNotCountButThoseBeforeTheAssignmentDo() {
        // the assignment date plays no part: a course done in February counts for a person assigned in June
        Standing lastYear = Standing.of(YEAR_2026, 1, List.of(done(1, "2025-12-20T08:00")));
        assertEquals(0, lastYear.coursesDone());
        assertFalse(lastYear.started(), "activity before the window is not progress in this period");
        assertTrue(Standing.of(YEAR_2026, 1, List.of(done(1, "2026-02-01T08:00"))).isCompleted());
    }

    @Test
    void recertificationCountsBackFromTheDeadline() {
        Standing.Window every18Months = new Standing.Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), 18);
        assertTrue(Standing.of(every18Months, 1, List.of(done(1, "2025-06-01T08:00"))).isCompleted(),
                "done 18 months before the deadline at most");
        assertFalse(Standing.of(every18Months, 1, List.of(done(1, "2025-05-29T08:00"))).isCompleted(), "too old");
        Standing.Window every6Months = new Standing.Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), 6);
        assertFalse(Standing.of(every6Months, 1, List.of(done(1, "2026-03-01T08:00"))).isCompleted(),
                "inside the year but older than 6 months at the deadline");
    }

    @Test
    void aCourseCountsOnce() {
        Standing s = Standing.of(YEAR_2026, 2, List.of(done(1, "2026-02-01T08:00"), done(1, "2026-03-01T08:00")));
        assertEquals(1, s.coursesDone());
        assertNull(s.completedAt());
    }

    @Test
    void statusAgainstTheDeadlineInVietnamTime() {
        LocalDate deadline = LocalDate.of(2026, 11, 30);
        // 16:30 UTC on the 30th is 23:30 in Sơn La: on time; 17:30 UTC is already 1 December there
        Standing onTime = new Standing(1, true, LocalDateTime.parse("2026-11-30T16:30"));
        Standing late = new Standing(1, true, LocalDateTime.parse("2026-11-30T17:30"));
        assertEquals(ComplianceStatus.COMPLETED, ComplianceStatus.of(onTime, deadline, LocalDate.of(2026, 12, 5)));
        assertEquals(ComplianceStatus.COMPLETED_LATE, ComplianceStatus.of(late, deadline, LocalDate.of(2026, 12, 5)));
        assertEquals(ComplianceStatus.IN_PROGRESS, ComplianceStatus.of(new Standing(0, true, null), deadline, deadline));
        assertEquals(ComplianceStatus.NOT_STARTED, ComplianceStatus.of(Standing.NONE, deadline, deadline));
        assertEquals(ComplianceStatus.OVERDUE, ComplianceStatus.of(new Standing(0, true, null), deadline, deadline.plusDays(1)));
    }

    @Test
    void aCourseTakenAgainInANewPeriodCountsByItsLatestCompletion() {
        Standing.Window year2027 = new Standing.Window(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 11, 30), null);
        LocalDateTime first = LocalDateTime.parse("2026-03-01T08:00");
        LocalDateTime again = LocalDateTime.parse("2027-02-10T08:00");
        Standing.CourseRecord twice = new Standing.CourseRecord(1, true, first, again, again);
        assertEquals(again, Standing.of(year2027, 1, List.of(twice)).completedAt());
        assertEquals(first, Standing.of(YEAR_2026, 1, List.of(twice)).completedAt(), "2026 still counts the first");
        Standing.CourseRecord once = new Standing.CourseRecord(1, true, first, first, first);
        assertFalse(Standing.of(year2027, 1, List.of(once)).isCompleted(), "not taken again: owed in 2027");
    }
}
