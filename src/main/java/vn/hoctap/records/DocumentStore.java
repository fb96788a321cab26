package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiJson;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The document resources of the LRS: State (what a piece of content keeps for a learner, such as
 * a bookmark), Activity Profile and Agent Profile. A document is bytes of any type with an ETag
 * (the SHA-1 of its bytes) and a modification time.
 *
 * <p>Concurrency follows xAPI 2.0: {@code If-Match} and {@code If-None-Match} are honoured on
 * every change (412 when they fail), and replacing an existing document without either is a 409,
 * so that two devices of the same learner cannot silently overwrite each other. POST merges JSON
 * objects property by property (top level); anything else is refused with 400.
 */
@ApplicationScoped
public class DocumentStore {

    public enum Kind {
        STATE(1), ACTIVITY_PROFILE(2), AGENT_PROFILE(3);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    /** Which documents: kind, activity and agent (either may be absent), and the registration for State. */
    public record Scope(Kind kind, String activityId, String agentIfi, String agentJson, UUID registration) {

        byte[] hash() {
            return sha256(kind.code + "\n" + nz(activityId) + "\n" + nz(agentIfi));
        }

        byte[] key(String docId) {
            return sha256(HexFormat.of().formatHex(hash()) + "\n" + (registration == null ? "" : registration) + "\n"
                    + docId);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    /** A stored document. */
    public record Document(String id, String contentType, byte[] content, String etag, LocalDateTime updated) {
    }

    /** The If-Match / If-None-Match of a request, as sent (null when absent). */
    public record Preconditions(String ifMatch, String ifNoneMatch) {
        boolean none() {
            return ifMatch == null && ifNoneMatch == null;
        }
    }

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    public Optional<Document> get(Scope scope, String docId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, scope, docId, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids of the documents in the scope, changed after since (if given); State: of every registration unless one is given. */
    public List<String> ids(Scope scope, LocalDateTime since) {
        StringBuilder sql = new StringBuilder("SELECT doc_id FROM xapi_document WHERE scope = ?");
        if (scope.registration() != null) {
            sql.append(" AND registration = ?");
        }
        if (since != null) {
            sql.append(" AND updated > ?");
        }
        sql.append(" ORDER BY updated, id");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setBytes(p++, scope.hash());
            if (scope.registration() != null) {
                ps.setBytes(p++, Uuids.bytes(scope.registration()));
            }
            if (since != null) {
                ps.setObject(p, since);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores or replaces a document. */
    @Transactional
    public void put(Scope scope, String docId, String contentType, byte[] content, Preconditions pre) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Document> current = find(c, scope, docId, true);
            check(current, pre, true);
            write(c, scope, docId, contentType, content, current.isPresent());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a new document, or merges a JSON object into the stored JSON object. */
    @Transactional
    public void post(Scope scope, String docId, String contentType, byte[] content, Preconditions pre) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Document> current = find(c, scope, docId, true);
            check(current, pre, false);
            if (current.isEmpty()) {
                if (isJson(contentType)) {
                    XapiJson.parse(content); // a JSON document must be JSON
                }
                write(c, scope, docId, contentType, content, false);
                return;
            }
            if (!isJson(contentType) || !isJson(current.get().contentType())) {
                throw XapiException.badRequest("POST merges JSON objects: both the stored document and the posted one "
                        + "must be application/json; use PUT to replace a document of another type");
            }
            JsonNode posted = XapiJson.parse(content);
            JsonNode stored = XapiJson.parse(current.get().content());
            if (!posted.isObject() || !stored.isObject()) {
                throw XapiException.badRequest("POST merges JSON objects: both documents must be JSON objects");
            }
            ObjectNode merged = ((ObjectNode) stored).deepCopy();
            merged.setAll((ObjectNode) posted);
            write(c, scope, docId, "application/json", XapiJson.write(merged).getBytes(StandardCharsets.UTF_8), true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void delete(Scope scope, String docId, Preconditions pre) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Document> current = find(c, scope, docId, true);
            if (pre.ifMatch() != null || pre.ifNoneMatch() != null) {
                check(current, pre, false);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM xapi_document WHERE doc_key = ?")) {
                ps.setBytes(1, scope.key(docId));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every document of the scope (State without a stateId). */
    @Transactional
    public void deleteAll(Scope scope) {
        String sql = "DELETE FROM xapi_document WHERE scope = ?" + (scope.registration() != null ? " AND registration = ?" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, scope.hash());
            if (scope.registration() != null) {
                ps.setBytes(2, Uuids.bytes(scope.registration()));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Optional<Document> current, Preconditions pre, boolean put) {
        if (pre.ifMatch() != null) {
            if (current.isEmpty() || !etagMatches(pre.ifMatch(), current.get().etag())) {
                throw new XapiException(412, "If-Match does not match the current document; read it again");
            }
        }
        if (pre.ifNoneMatch() != null && current.isPresent()
                && (pre.ifNoneMatch().trim().equals("*") || etagMatches(pre.ifNoneMatch(), current.get().etag()))) {
            throw new XapiException(412, "If-None-Match: the document exists already");
        }
        if (put && pre.none() && current.isPresent()) {
            throw new XapiException(409, "The document exists already: read it, then send the change with "
                    + "If-Match set to its ETag (or If-None-Match: * to create only)");
        }
    }

    static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.startsWith("\"") && c.endsWith("\"") && c.length() >= 2) {
                c = c.substring(1, c.length() - 1);
            }
            if (c.equalsIgnoreCase(etag)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Document> find(Connection c, Scope scope, String docId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, content_type, content, etag, updated "
                + "FROM xapi_document WHERE doc_key = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setBytes(1, scope.key(docId));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Document(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class)));
            }
        }
    }

    private void write(Connection c, Scope scope, String docId, String contentType, byte[] content, boolean exists)
            throws SQLException {
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String etag = HexFormat.of().formatHex(sha1(content));
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        if (exists) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE xapi_document SET content_type = ?, content = ?, "
                    + "etag = ?, updated = ? WHERE doc_key = ?")) {
                ps.setString(1, type);
                ps.setBytes(2, content);
                ps.setString(3, etag);
                ps.setObject(4, now);
                ps.setBytes(5, scope.key(docId));
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xapi_document (kind, scope, registration, doc_id, "
                + "doc_key, activity_id, agent, content_type, content, etag, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setInt(1, scope.kind().code);
            ps.setBytes(2, scope.hash());
            ps.setBytes(3, scope.registration() == null ? null : Uuids.bytes(scope.registration()));
            ps.setString(4, docId);
            ps.setBytes(5, scope.key(docId));
            ps.setString(6, scope.activityId());
            ps.setString(7, scope.agentJson());
            ps.setString(8, type);
            ps.setBytes(9, content);
            ps.setString(10, etag);
            ps.setObject(11, now);
            ps.executeUpdate();
        }
    }

    public static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json");
    }

    private static byte[] sha1(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
