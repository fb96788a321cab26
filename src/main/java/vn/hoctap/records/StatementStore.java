package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.records.xapi.StatementKeys;
import vn.hoctap.records.xapi.StatementValidator;
import vn.hoctap.records.xapi.XapiJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of the Learning Record Store in MariaDB: each as received (with what the store
 * assigns), plus the columns and keys its queries filter on. Writes join the caller's transaction;
 * a batch is stored whole or not at all.
 *
 * <p>Invariants kept here: a statement is voided exactly when it is not itself a voiding statement
 * and a voiding statement targets it, whichever of the two arrived first; a statement that refers
 * to another carries its target's keys, so filters find it too.
 */
@ApplicationScoped
public class StatementStore {

    /** How deep a chain of StatementRefs is followed for keys. */
    private static final int REFERENCE_DEPTH = 5;
    private static final int ROWS_PER_INSERT = 500;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    /** A statement ready to be stored: validated, with id, stored, timestamp and authority set. */
    public record NewStatement(UUID id, JsonNode body, LocalDateTime stored, LocalDateTime timestamp,
                               Long clientId, Long personId) {

        boolean voiding() {
            return StatementValidator.VOIDED.equals(body.path("verb").path("id").asText());
        }

        UUID refersTo() {
            JsonNode object = body.path("object");
            return "StatementRef".equals(object.path("objectType").asText())
                    ? UUID.fromString(object.path("id").asText()) : null;
        }
    }

    /** A statement as stored. */
    public record StoredStatement(long seq, UUID id, LocalDateTime stored, boolean voided, String body) {
        public JsonNode json() {
            return XapiJson.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** What changed when a batch was stored: the statements to project, the ones voided by it. */
    public record Outcome(List<StoredStatement> voidedNow) {
    }

    /** The stored bodies of those ids that exist already. */
    public Map<UUID, StoredStatement> existing(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, StoredStatement> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (List<UUID> chunk : chunks(new ArrayList<>(ids), ROWS_PER_INSERT)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, id, stored, voided, body FROM xapi_statement WHERE id IN (" + marks(chunk.size()) + ")")) {
                setIds(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredStatement s = row(rs);
                        found.put(s.id(), s);
                    }
                }
            }
        }
        return found;
    }

    /** Stores a batch of new statements (none of whose ids exist yet). */
    public Outcome insert(Connection c, List<NewStatement> batch) throws SQLException {
        for (List<NewStatement> chunk : chunks(batch, ROWS_PER_INSERT)) {
            insertRows(c, chunk);
        }
        Map<UUID, Long> seqs = seqs(c, batch.stream().map(NewStatement::id).toList());

        List<Object[]> keys = new ArrayList<>();
        for (NewStatement s : batch) {
            long seq = seqs.get(s.id());
            Set<StatementKeys.Key> own = new LinkedHashSet<>(StatementKeys.of(s.body()));
            if (s.refersTo() != null) {
                own.addAll(targetKeys(c, s.refersTo(), REFERENCE_DEPTH));
            }
            own.forEach(k -> keys.add(new Object[]{k.kind(), k.hash(), seq}));
        }
        insertKeys(c, keys, false);
        keys.clear();
        // Statements stored earlier that refer to one of these: they now match what their target matches
        // (some of those keys they may have already: the same actor, say).
        List<UUID> newIds = batch.stream().map(NewStatement::id).toList();
        for (List<UUID> chunk : chunks(newIds, ROWS_PER_INSERT)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, refers_to FROM xapi_statement WHERE refers_to IN ("
                    + marks(chunk.size()) + ")")) {
                setIds(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long referrer = rs.getLong(1);
                        UUID target = Uuids.of(rs.getBytes(2));
                        if (seqs.containsValue(referrer)) {
                            continue; // in this batch: keys already computed
                        }
                        for (StatementKeys.Key k : targetKeys(c, target, REFERENCE_DEPTH)) {
                            keys.add(new Object[]{k.kind(), k.hash(), referrer});
                        }
                    }
                }
            }
        }
        insertKeys(c, keys, true);
        return new Outcome(applyVoiding(c, batch));
    }

    private void insertRows(Connection c, List<NewStatement> chunk) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO xapi_statement (id, stored, ts, actor, verb, object, registration, "
                + "refers_to, voiding, client_id, person_id, has_attachments, body) VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (NewStatement s : chunk) {
                JsonNode body = s.body();
                ps.setBytes(p++, Uuids.bytes(s.id()));
                ps.setObject(p++, s.stored());
                ps.setObject(p++, s.timestamp());
                ps.setBytes(p++, vn.hoctap.records.xapi.Ifi.hash(StatementKeys.actorIdentity(body.path("actor"))));
                ps.setBytes(p++, vn.hoctap.records.xapi.Ifi.hash(body.path("verb").path("id").asText()));
                ps.setBytes(p++, vn.hoctap.records.xapi.Ifi.hash(StatementKeys.objectIdentity(body.path("object"))));
                String registration = body.path("context").path("registration").asText(null);
                ps.setBytes(p++, registration == null ? null : Uuids.bytes(UUID.fromString(registration)));
                UUID refersTo = s.refersTo();
                ps.setBytes(p++, refersTo == null ? null : Uuids.bytes(refersTo));
                ps.setBoolean(p++, s.voiding());
                setLong(ps, p++, s.clientId());
                setLong(ps, p++, s.personId());
                ps.setBoolean(p++, body.has("attachments"));
                ps.setString(p++, XapiJson.write(body));
            }
            ps.executeUpdate();
        }
    }

    private Map<UUID, Long> seqs(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, Long> seqs = new HashMap<>();
        for (List<UUID> chunk : chunks(ids, ROWS_PER_INSERT)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, seq FROM xapi_statement WHERE id IN ("
                    + marks(chunk.size()) + ")")) {
                setIds(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seqs.put(Uuids.of(rs.getBytes(1)), rs.getLong(2));
                    }
                }
            }
        }
        return seqs;
    }

    /** The keys of a stored statement and of what it refers to, as far as the chain goes. */
    private Set<StatementKeys.Key> targetKeys(Connection c, UUID target, int depth) throws SQLException {
        Set<StatementKeys.Key> keys = new LinkedHashSet<>();
        if (depth == 0) {
            return keys;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT body, refers_to FROM xapi_statement WHERE id = ?")) {
            ps.setBytes(1, Uuids.bytes(target));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    keys.addAll(StatementKeys.of(XapiJson.parse(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                    byte[] next = rs.getBytes(2);
                    if (next != null) {
                        keys.addAll(targetKeys(c, Uuids.of(next), depth - 1));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Inserts the keys once each, in index order: concurrent batches then take their locks in the
     * same order, which keeps them from deadlocking on each other.
     */
    private void insertKeys(Connection c, List<Object[]> rows, boolean someExist) throws SQLException {
        java.util.TreeMap<String, Object[]> sorted = new java.util.TreeMap<>();
        for (Object[] k : rows) {
            sorted.put(k[0] + ":" + java.util.HexFormat.of().formatHex((byte[]) k[1]) + ":"
                    + String.format("%019d", (Long) k[2]), k);
        }
        List<Object[]> keys = new ArrayList<>(sorted.values());
        for (List<Object[]> chunk : chunks(keys, 1000)) {
            StringBuilder sql = new StringBuilder(someExist ? "INSERT IGNORE INTO xapi_statement_key (kind, hash, seq) VALUES "
                    : "INSERT INTO xapi_statement_key (kind, hash, seq) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] k : chunk) {
                    ps.setInt(p++, (Integer) k[0]);
                    ps.setBytes(p++, (byte[]) k[1]);
                    ps.setLong(p++, (Long) k[2]);
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * Voids what the new statements void, and the new statements that an earlier voiding
     * statement already targets. A voiding statement is never voided.
     */
    private List<StoredStatement> applyVoiding(Connection c, List<NewStatement> batch) throws SQLException {
        List<UUID> targets = new ArrayList<>();
        List<UUID> plain = new ArrayList<>();
        for (NewStatement s : batch) {
            if (s.voiding()) {
                targets.add(s.refersTo());
            } else {
                plain.add(s.id());
            }
        }
        Map<Long, StoredStatement> voided = new java.util.LinkedHashMap<>();
        // the targets of the new voiding statements (stored earlier or in this batch)
        for (List<UUID> chunk : chunks(targets, ROWS_PER_INSERT)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, id, stored, voided, body FROM xapi_statement "
                    + "WHERE id IN (" + marks(chunk.size()) + ") AND voiding = FALSE AND voided = FALSE")) {
                setIds(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredStatement s = row(rs);
                        voided.put(s.seq(), s);
                    }
                }
            }
        }
        // new statements that a voiding statement stored earlier already targets
        for (List<UUID> chunk : chunks(plain, ROWS_PER_INSERT)) {
            List<UUID> hit = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT refers_to FROM xapi_statement "
                    + "WHERE refers_to IN (" + marks(chunk.size()) + ") AND voiding = TRUE")) {
                setIds(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hit.add(Uuids.of(rs.getBytes(1)));
                    }
                }
            }
            existing(c, hit).values().stream().filter(s -> !s.voided()).forEach(s -> voided.put(s.seq(), s));
        }
        if (!voided.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE xapi_statement SET voided = TRUE WHERE seq = ?")) {
                for (StoredStatement s : voided.values()) {
                    ps.setLong(1, s.seq());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return new ArrayList<>(voided.values());
    }

    private static void setIds(PreparedStatement ps, List<UUID> ids) throws SQLException {
        int i = 1;
        for (UUID id : ids) {
            ps.setBytes(i++, Uuids.bytes(id));
        }
    }

    /** One statement by id, voided or not. */
    public Optional<StoredStatement> find(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT seq, id, stored, voided, body FROM xapi_statement WHERE id = ?")) {
            ps.setBytes(1, Uuids.bytes(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The filters of a statement query. {@code keys} are ANDed; {@code since} is exclusive and
     * {@code until} inclusive (on {@code stored}); {@code cursor} continues a page ({@code more}).
     */
    public record Query(List<StatementKeys.Key> keys, LocalDateTime since, LocalDateTime until, boolean ascending,
                        Long cursor, Long clientId, int limit) {
    }

    /** Non-voided statements matching the query, newest first (or oldest with ascending), up to limit + 1. */
    public List<StoredStatement> query(Query q) {
        StringBuilder sql = new StringBuilder("SELECT s.seq, s.id, s.stored, s.voided, s.body FROM ");
        List<Object> params = new ArrayList<>();
        List<StatementKeys.Key> keys = q.keys();
        if (keys.isEmpty()) {
            sql.append("xapi_statement s");
        } else {
            // The first key drives: its index hands out sequence numbers in order.
            sql.append("xapi_statement_key k0 STRAIGHT_JOIN xapi_statement s ON s.seq = k0.seq");
        }
        sql.append(" WHERE s.voided = FALSE");
        if (!keys.isEmpty()) {
            sql.append(" AND k0.kind = ? AND k0.hash = ?");
            params.add(keys.get(0).kind());
            params.add(keys.get(0).hash());
            for (int i = 1; i < keys.size(); i++) {
                sql.append(" AND EXISTS (SELECT 1 FROM xapi_statement_key k").append(i).append(" WHERE k").append(i)
                        .append(".kind = ? AND k").append(i).append(".hash = ? AND k").append(i).append(".seq = s.seq)");
                params.add(keys.get(i).kind());
                params.add(keys.get(i).hash());
            }
        }
        if (q.since() != null) {
            sql.append(" AND s.stored > ?");
            params.add(q.since());
        }
        if (q.until() != null) {
            sql.append(" AND s.stored <= ?");
            params.add(q.until());
        }
        if (q.clientId() != null) {
            sql.append(" AND s.client_id = ?");
            params.add(q.clientId());
        }
        String seq = keys.isEmpty() ? "s.seq" : "k0.seq";
        if (q.cursor() != null) {
            sql.append(" AND ").append(seq).append(q.ascending() ? " > ?" : " < ?");
            params.add(q.cursor());
        }
        sql.append(" ORDER BY ").append(seq).append(q.ascending() ? " ASC" : " DESC").append(" LIMIT ?");
        params.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof byte[] b) {
                    ps.setBytes(i + 1, b);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<StoredStatement> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Non-voided statements of one actor about one activity (to rebuild a summary), oldest first. */
    public List<StoredStatement> about(byte[] agentHash, byte[] activityHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT s.seq, s.id, s.stored, s.voided, s.body "
                     + "FROM xapi_statement_key k STRAIGHT_JOIN xapi_statement s ON s.seq = k.seq "
                     + "WHERE k.kind = ? AND k.hash = ? AND s.actor = ? AND s.object = ? AND s.voided = FALSE "
                     + "ORDER BY k.seq")) {
            ps.setInt(1, StatementKeys.AGENT);
            ps.setBytes(2, agentHash);
            ps.setBytes(3, agentHash);
            ps.setBytes(4, activityHash);
            List<StoredStatement> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredStatement row(ResultSet rs) throws SQLException {
        return new StoredStatement(rs.getLong(1), Uuids.of(rs.getBytes(2)), rs.getObject(3, LocalDateTime.class),
                rs.getBoolean(4), rs.getString(5));
    }

    static String marks(int n) {
        return "?,".repeat(n - 1) + "?";
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
