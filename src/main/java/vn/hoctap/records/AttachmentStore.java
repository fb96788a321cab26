package vn.hoctap.records;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.platform.storage.BlobStore;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of statement attachments (certificates, signatures, a learner's work), kept in the
 * platform's blob store and known by the SHA-2 the statements declare. One copy serves every
 * statement that declares the same hash.
 */
@ApplicationScoped
public class AttachmentStore {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    BlobStore blobs;

    /** An attachment part received with statements: its declared hash, type and the bytes on disk. */
    public record Part(String sha2, String contentType, Path file) {
    }

    /** A stored attachment. */
    public record Attachment(String sha2, String blobSha256, String contentType, long length) {
    }

    /** An attachment whose bytes are in the blob store, ready to be recorded with its statements. */
    public record Kept(String sha2, String contentType, BlobStore.Blob blob) {
    }

    /**
     * Moves received parts into the blob store, before the statements' transaction: the store is
     * content-addressed, so bytes kept for a batch that then fails cost nothing but the disk.
     */
    public List<Kept> keep(Collection<Part> parts) throws IOException {
        List<Kept> kept = new ArrayList<>();
        for (Part part : parts) {
            kept.add(new Kept(part.sha2().toLowerCase(), part.contentType() == null ? "application/octet-stream"
                    : part.contentType(), blobs.put(part.file())));
        }
        return kept;
    }

    /** Records kept attachments (in the caller's transaction). */
    public void record(Connection c, Collection<Kept> kept, LocalDateTime now) throws SQLException {
        if (kept.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO xapi_attachment "
                + "(sha2, blob_sha256, content_type, length, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Kept k : kept) {
                ps.setString(1, k.sha2());
                ps.setString(2, k.blob().sha256());
                ps.setString(3, k.contentType());
                ps.setLong(4, k.blob().size());
                ps.setObject(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The stored attachments among these hashes. */
    public Map<String, Attachment> find(Collection<String> sha2s) {
        Map<String, Attachment> out = new LinkedHashMap<>();
        List<String> list = new ArrayList<>();
        sha2s.forEach(s -> list.add(s.toLowerCase()));
        if (list.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : StatementStore.chunks(list, 500)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT sha2, blob_sha256, content_type, length "
                        + "FROM xapi_attachment WHERE sha2 IN (" + StatementStore.marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new Attachment(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getLong(4)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public InputStream open(Attachment attachment) throws IOException {
        return blobs.open(attachment.blobSha256());
    }
}
