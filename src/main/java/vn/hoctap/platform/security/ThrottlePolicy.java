package vn.hoctap.platform.security;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * How repeated wrong passwords slow an attacker down: a few free failures inside a window, then a
 * lock that doubles with every further failure, up to a ceiling. A success clears the record.
 */
public record ThrottlePolicy(int freeFailures, Duration window, Duration firstLock, Duration maxLock) {

    /** Per login name: 5 tries, then 1, 2, 4 … minutes, at most 15. */
    public static final ThrottlePolicy PER_LOGIN =
            new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15));
    /** Per client address (a whole centre may share one): far more generous. */
    public static final ThrottlePolicy PER_ADDRESS =
            new ThrottlePolicy(40, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15));

    public record State(int failures, LocalDateTime windowStart, LocalDateTime lockedUntil) {
    }

    public State afterFailure(State state, LocalDateTime now) {
        boolean fresh = state == null
                || (state.windowStart().plus(window).isBefore(now)
                    && (state.lockedUntil() == null || state.lockedUntil().isBefore(now)));
        int failures = fresh ? 1 : state.failures() + 1;
        LocalDateTime windowStart = fresh ? now : state.windowStart();
        LocalDateTime lockedUntil = null;
        if (failures >= freeFailures) {
            int doublings = Math.min(failures - freeFailures, 20);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
        }
        return new State(failures, windowStart, lockedUntil);
    }

    /** How long the caller must still wait; zero if not locked. */
    public static Duration remaining(State state, LocalDateTime now) {
        if (state == null || state.lockedUntil() == null || !state.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, state.lockedUntil());
    }
}
