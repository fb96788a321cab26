package vn.hoctap.training;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When reminders, digests and escalations are due. */
class ReminderRulesTest {

    static final List<Integer> STEPS = ReminderRules.steps("30, 7,1");

    @Test
    void eachDayFallsInOneStep() {
        assertEquals(List.of(1, 7, 30), STEPS);
        assertEquals(OptionalInt.empty(), ReminderRules.step(31, STEPS), "too early");
        assertEquals(OptionalInt.of(30), ReminderRules.step(30, STEPS));
        assertEquals(OptionalInt.of(30), ReminderRules.step(8, STEPS));
        assertEquals(OptionalInt.of(7), ReminderRules.step(7, STEPS));
        assertEquals(OptionalInt.of(7), ReminderRules.step(2, STEPS));
        assertEquals(OptionalInt.of(1), ReminderRules.step(1, STEPS));
        assertEquals(OptionalInt.of(1), ReminderRules.step(0, STEPS), "the deadline day itself");
        assertEquals(OptionalInt.empty(), ReminderRules.step(-1, STEPS), "after the deadline: the overdue notice instead");
    }

    @Test
    void weeksAreIsoWeeks() {
        assertEquals("2026-W48", ReminderRules.week(LocalDate.of(2026, 11, 27)));
        assertEquals("2026-W53", ReminderRules.week(LocalDate.of(2027, 1, 1)), "1 January 2027 is in 2026's last week");
        assertEquals(ReminderRules.week(LocalDate.of(2026, 11, 23)), ReminderRules.week(LocalDate.of(2026, 11, 29)));
    }

    @Test
    void digestsWhenPeopleOweNearTheDeadlineOrAreOverdue() {
        Compliance.Counts owing = new Compliance.Counts(10, 6, 0, 2, 2, false);
        assertTrue(ReminderRules.digestDue(owing, 30));
        assertFalse(ReminderRules.digestDue(owing, 31), "a month and more away: no weekly noise");
        assertFalse(ReminderRules.digestDue(new Compliance.Counts(10, 9, 1, 0, 0, false), 3), "everyone done");
        assertTrue(ReminderRules.digestDue(new Compliance.Counts(10, 9, 0, 0, 1, true), -20), "overdue people");
    }

    @Test
    void escalationBelowTheRateNearTheDeadline() {
        Compliance.Counts half = new Compliance.Counts(10, 5, 0, 3, 2, false);
        assertTrue(ReminderRules.escalate(half, 14, 14, 80));
        assertFalse(ReminderRules.escalate(half, 15, 14, 80), "not near yet");
        assertFalse(ReminderRules.escalate(new Compliance.Counts(10, 8, 0, 1, 1, false), 3, 14, 80), "80% is enough");
        assertFalse(ReminderRules.escalate(Compliance.Counts.ZERO, 3, 14, 80), "nobody assigned");
    }
}
