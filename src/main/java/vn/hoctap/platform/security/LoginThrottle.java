package vn.hoctap.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.shared.Times;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Counts failed sign-ins in the database, so the limits hold across all application nodes. Each
 * call is its own short transaction: a failed sign-in is counted even though nothing else commits.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration lockedFor(String key) {
        return ThrottlePolicy.remaining(load(key, false), Times.nowUtc());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failure(String key, ThrottlePolicy policy) {
        em.createNativeQuery("INSERT IGNORE INTO login_throttle (throttle_key, failures, window_start) VALUES (?, 0, ?)")
                .setParameter(1, key).setParameter(2, Timestamp.valueOf(Times.nowUtc())).executeUpdate();
        ThrottlePolicy.State state = load(key, true);
        if (state.failures() == 0) {
            state = null; // the row was just created
        }
        ThrottlePolicy.State next = policy.afterFailure(state, Times.nowUtc());
        em.createNativeQuery("UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ? WHERE throttle_key = ?")
                .setParameter(1, next.failures())
                .setParameter(2, Timestamp.valueOf(next.windowStart()))
                .setParameter(3, next.lockedUntil() == null ? null : Timestamp.valueOf(next.lockedUntil()))
                .setParameter(4, key)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void success(String key) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?").setParameter(1, key).executeUpdate();
    }

    private ThrottlePolicy.State load(String key, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT failures, window_start, locked_until FROM login_throttle"
                        + " WHERE throttle_key = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new ThrottlePolicy.State(((Number) row[0]).intValue(), toLocal(row[1]), toLocal(row[2]));
    }

    private static LocalDateTime toLocal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt;
        }
        return ((Timestamp) value).toLocalDateTime();
    }
}
