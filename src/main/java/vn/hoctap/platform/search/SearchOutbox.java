package vn.hoctap.platform.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes waiting to reach the search indexes. A feature records "index X, record N changed" in
 * the same transaction as the change itself, so the index can never miss a committed change; every
 * node applies the entries in order to its own index.
 */
@ApplicationScoped
public class SearchOutbox {

    @PersistenceContext
    EntityManager em;

    public record Entry(long id, String index, long entityId, LocalDateTime createdAt) {
    }

    /** Records a change inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String index, long entityId) {
        em.createNativeQuery("INSERT INTO search_outbox (index_name, entity_id, created_at) VALUES (?, ?, ?)")
                .setParameter(1, index).setParameter(2, entityId)
                .setParameter(3, Timestamp.valueOf(vn.hoctap.shared.Times.nowUtc()))
                .executeUpdate();
    }

    /** Entries after {@code position}, oldest first. */
    @Transactional
    public List<Entry> after(long position, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, index_name, entity_id, created_at FROM search_outbox"
                        + " WHERE id > ? ORDER BY id LIMIT ?")
                .setParameter(1, position).setParameter(2, limit).getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            LocalDateTime created = r[3] instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) r[3];
            entries.add(new Entry(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), created));
        }
        return entries;
    }

    @Transactional
    public long maxId() {
        Object max = em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM search_outbox").getSingleResult();
        return ((Number) max).longValue();
    }

    @Transactional
    public long minId() {
        Object min = em.createNativeQuery("SELECT COALESCE(MIN(id), 0) FROM search_outbox").getSingleResult();
        return ((Number) min).longValue();
    }

    /** The id of this database (see the {@code installation} table). */
    @Transactional
    public String installationId() {
        Object id = em.createNativeQuery("SELECT id FROM installation ORDER BY created_at LIMIT 1").getSingleResult();
        return id.toString();
    }

    /** Forgets entries older than the cut-off; a node that was away longer rebuilds its index. */
    @Transactional
    public int purge(LocalDateTime olderThan) {
        return em.createNativeQuery("DELETE FROM search_outbox WHERE created_at < ?")
                .setParameter(1, Timestamp.valueOf(olderThan)).executeUpdate();
    }

    /**
     * How far entries may be applied in order. Ids come from AUTO_INCREMENT in the order
     * transactions started, not the order they committed: a missing id may still arrive, so stop
     * before a gap, unless the entry after it is old enough that the gap must be a rollback.
     */
    static int applicablePrefix(long position, List<Entry> entries, LocalDateTime now, long graceSeconds) {
        long expected = position + 1;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.id() != expected && e.createdAt().plusSeconds(graceSeconds).isAfter(now)) {
                return i;
            }
            expected = e.id() + 1;
        }
        return entries.size();
    }
}
