package vn.hoctap.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ThrottlePolicyTest {

    final ThrottlePolicy policy = ThrottlePolicy.PER_LOGIN;
    final LocalDateTime t0 = LocalDateTime.of(2026, 11, 26, 8, 0);

    @Test
    void fourFailuresAreFreeTheFifthLocksForAMinuteThenDoubling() {
        ThrottlePolicy.State s = null;
        for (int i = 1; i <= 4; i++) {
            s = policy.afterFailure(s, t0.plusSeconds(i));
            assertNull(s.lockedUntil(), "failure " + i);
        }
        s = policy.afterFailure(s, t0.plusSeconds(5));
        assertEquals(Duration.ofMinutes(1), ThrottlePolicy.remaining(s, t0.plusSeconds(5)));
        s = policy.afterFailure(s, t0.plusSeconds(6));
        assertEquals(Duration.ofMinutes(2), ThrottlePolicy.remaining(s, t0.plusSeconds(6)));
        for (int i = 0; i < 10; i++) {
            s = policy.afterFailure(s, t0.plusSeconds(7));
        }
        assertEquals(Duration.ofMinutes(15), ThrottlePolicy.remaining(s, t0.plusSeconds(7)), "capped");
    }

    @Test
    void aLockRunsOut() {
        ThrottlePolicy.State s = null;
        for (int i = 0; i < 5; i++) {
            s = policy.afterFailure(s, t0);
        }
        assertEquals(Duration.ZERO, ThrottlePolicy.remaining(s, t0.plusMinutes(2)));
    }

    @Test
    void oldFailuresOutsideTheWindowAreForgotten() {
        ThrottlePolicy.State s = null;
        for (int i = 0; i < 3; i++) {
            s = policy.afterFailure(s, t0);
        }
        s = policy.afterFailure(s, t0.plusMinutes(20));
        assertEquals(1, s.failures());
    }
}
