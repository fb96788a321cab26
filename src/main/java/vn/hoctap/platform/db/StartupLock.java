package vn.hoctap.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A database-wide named lock (MariaDB {@code GET_LOCK}) for start-up work, so that two nodes
 * starting together do not both create the same first rows. Held on the transaction's connection.
 */
@ApplicationScoped
public class StartupLock {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean acquire(String name, int timeoutSeconds) {
        Object got = em.createNativeQuery("SELECT GET_LOCK(?, ?)").setParameter(1, "hoctap." + name)
                .setParameter(2, timeoutSeconds).getSingleResult();
        return got != null && ((Number) got).intValue() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String name) {
        em.createNativeQuery("SELECT RELEASE_LOCK(?)").setParameter(1, "hoctap." + name).getSingleResult();
    }
}
