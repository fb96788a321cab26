package vn.hoctap.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.hoctap.shared.PageResult;
import vn.hoctap.shared.Times;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit log of administrative changes. Written in the caller's transaction, so a change and
 * its audit record are committed (or rolled back) together.
 */
@ApplicationScoped
public class AuditService {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEvent event) {
        if (event.before() != null && event.after() != null && Objects.equals(event.before(), event.after())) {
            return; // nothing changed: no noise in the log
        }
        em.persist(new AuditEntry(Times.nowUtc(), event, toJson(event.before()), toJson(event.after())));
    }

    /** Newest first, filtered in the database. */
    public PageResult<AuditEntry> search(AuditQuery query, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.actorName() != null) {
            where.append(" AND a.actorName LIKE :actor");
            params.put("actor", "%" + query.actorName() + "%");
        }
        if (query.action() != null) {
            where.append(" AND a.action = :action");
            params.put("action", query.action());
        }
        if (query.targetType() != null) {
            where.append(" AND a.targetType = :targetType");
            params.put("targetType", query.targetType());
        }
        if (query.targetId() != null) {
            where.append(" AND a.targetId = :targetId");
            params.put("targetId", query.targetId());
        }
        if (query.from() != null) {
            where.append(" AND a.at >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND a.at < :to");
            params.put("to", query.to());
        }
        if (query.scopePrefixes() != null) {
            List<String> clauses = new ArrayList<>();
            for (int i = 0; i < query.scopePrefixes().size(); i++) {
                clauses.add("a.scopePath LIKE :scope" + i);
                params.put("scope" + i, query.scopePrefixes().get(i) + "%");
            }
            where.append(clauses.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", clauses) + ")");
        }
        TypedQuery<AuditEntry> page = em.createQuery(
                "SELECT a FROM AuditEntry a" + where + " ORDER BY a.at DESC, a.id DESC", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
        params.forEach((k, v) -> {
            page.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditEntry> items = page.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new PageResult<>(items, count.getSingleResult(), offset, limit);
    }

    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT a.action FROM AuditEntry a ORDER BY a.action", String.class)
                .getResultList();
    }

    private static String toJson(Map<String, ?> state) {
        return state == null ? null : JSON.toJson(state);
    }

    /** Filters for the audit log; null means "any". {@code scopePrefixes} null means everywhere. */
    public record AuditQuery(String actorName, String action, String targetType, String targetId,
                             LocalDateTime from, LocalDateTime to, List<String> scopePrefixes) {
    }
}
