package vn.hoctap.library.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.identity.Actor;
import vn.hoctap.library.LibraryAccess;
import vn.hoctap.library.LibraryService;
import vn.hoctap.library.extract.ExtractionJobs;
import vn.hoctap.platform.storage.BlobStore;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Times;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Uploads in pieces, so that a mobile connection that drops resumes where it stopped instead of
 * starting over: a session is opened with the file's name and size, chunks are appended at the
 * offset the server confirms, and the finished file is checked ({@link FileInspector}), stored
 * once in the blob store and handed to the library. Bytes go straight to disk: memory does not
 * grow with the file.
 */
@ApplicationScoped
public class UploadService {

    /** Largest chunk accepted in one request. */
    public static final int MAX_CHUNK = 16 * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    FileInspector inspector;

    @Inject
    BlobStore blobs;

    @Inject
    LibraryService library;

    @Inject
    ExtractionJobs extraction;

    @Inject
    @ConfigProperty(name = "hoctap.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "hoctap.upload.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    private Path staging;

    /** An upload in progress or finished. {@code status}: OPEN, COMPLETE, REFUSED. */
    public record Session(String id, long ownerId, String fileName, long size, long received, Long materialId,
                          String status, String resultKey, String resultArgs, Long resultMaterialId) {
    }

    @PostConstruct
    void init() {
        staging = Path.of(dataDir, "uploads").toAbsolutePath();
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional
    public Session start(Actor actor, String fileName, long size, Long materialId) {
        if (!LibraryAccess.canUpload(actor)) {
            throw new AccessDeniedException("upload");
        }
        if (fileName == null || fileName.isBlank()) {
            throw new ValidationFailure("fileName", "library.error.fileName");
        }
        if (size <= 0) {
            throw new ValidationFailure("size", "library.refused.empty");
        }
        if (size > maxBytes) {
            throw new ValidationFailure("size", "library.refused.tooLarge", maxBytes / (1024 * 1024));
        }
        if (materialId != null) {
            library.get(actor, materialId); // visible at all, else not found
        }
        String id = UUID.randomUUID().toString();
        em.createNativeQuery("INSERT INTO upload_session (id, owner_id, file_name, size, received, material_id, status,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, 'OPEN', ?, ?)")
                .setParameter(1, id).setParameter(2, actor.personId()).setParameter(3, cut(fileName, 255))
                .setParameter(4, size).setParameter(5, materialId)
                .setParameter(6, Timestamp.valueOf(Times.nowUtc())).setParameter(7, Timestamp.valueOf(Times.nowUtc()))
                .executeUpdate();
        try {
            Files.deleteIfExists(part(id));
            Files.createFile(part(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return session(actor, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Session session(Actor actor, String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, owner_id, file_name, size, received, material_id, status,"
                        + " result_key, result_args, result_material_id FROM upload_session WHERE id = ?")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("upload " + id);
        }
        Object[] r = rows.get(0);
        Session s = new Session((String) r[0], ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6],
                (String) r[7], (String) r[8], r[9] == null ? null : ((Number) r[9]).longValue());
        if (s.ownerId() != actor.personId()) {
            throw new NotFoundException("upload " + id);
        }
        return s;
    }

    /**
     * Appends a chunk at {@code offset}, which must be what the server has received so far (the
     * client asks when unsure). Bytes left by a chunk that broke off are overwritten.
     */
    @Transactional
    public Session append(Actor actor, String id, long offset, InputStream data) throws IOException {
        Session s = session(actor, id);
        if (!"OPEN".equals(s.status())) {
            throw new ValidationFailure("status", "library.error.uploadClosed");
        }
        if (offset != s.received()) {
            throw new OffsetMismatch(s.received());
        }
        long written = 0;
        try (FileChannel channel = FileChannel.open(part(id), StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.position(offset);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = data.read(buffer)) > 0) {
                if (offset + written + n > s.size() || written + n > MAX_CHUNK) {
                    channel.truncate(offset);
                    throw new ValidationFailure("chunk", "library.error.chunkTooLarge");
                }
                channel.write(ByteBuffer.wrap(buffer, 0, n));
                written += n;
            }
            channel.force(false);
        }
        em.createNativeQuery("UPDATE upload_session SET received = ?, updated_at = ? WHERE id = ?")
                .setParameter(1, offset + written).setParameter(2, Timestamp.valueOf(Times.nowUtc()))
                .setParameter(3, id).executeUpdate();
        return session(actor, id);
    }

    /**
     * Finishes an upload: checks the whole file, and keeps it or refuses it. A refused file is
     * deleted; its reason stays on the session.
     */
    @Transactional(rollbackOn = IOException.class)
    public Session complete(Actor actor, String id) throws IOException {
        Session s = session(actor, id);
        if (!"OPEN".equals(s.status())) {
            return s;
        }
        if (s.received() != s.size()) {
            throw new ValidationFailure("received", "library.error.incomplete", s.received(), s.size());
        }
        Path file = part(id);
        FileInspector.Inspection inspection = inspector.inspect(file, s.fileName(), s.size(), maxBytes);
        if (!inspection.verdict().isAccepted()) {
            Files.deleteIfExists(file);
            finish(id, "REFUSED", inspection.verdict().refusalKey(), join(inspection.verdict().args()), null);
            return session(actor, id);
        }
        BlobStore.Blob blob = blobs.put(file);
        LibraryService.Received received = library.receive(actor, blob, inspection.verdict().accepted(), s.fileName(),
                s.materialId());
        if (received.isDuplicate()) {
            finish(id, "COMPLETE", "library.upload.duplicate", received.duplicateTitle(), received.duplicateOfMaterialId());
        } else {
            finish(id, "COMPLETE", "library.upload.stored", null, received.material().getId());
            extraction.nudge();
        }
        return session(actor, id);
    }

    private void finish(String id, String status, String key, String args, Long materialId) {
        em.createNativeQuery("UPDATE upload_session SET status = ?, result_key = ?, result_args = ?, result_material_id = ?,"
                        + " updated_at = ? WHERE id = ?")
                .setParameter(1, status).setParameter(2, key).setParameter(3, cut(args, 500)).setParameter(4, materialId)
                .setParameter(5, Timestamp.valueOf(Times.nowUtc())).setParameter(6, id).executeUpdate();
    }

    /** Uploads a whole file in one go (scripts): a session, chunks, completion. */
    @Transactional(rollbackOn = IOException.class)
    public Session uploadWhole(Actor actor, String fileName, long size, Long materialId, InputStream data) throws IOException {
        Session s = start(actor, fileName, size, materialId);
        long offset = 0;
        while (offset < size) {
            s = append(actor, s.id(), offset, new BoundedInputStream(data, Math.min(MAX_CHUNK, size - offset)));
            if (s.received() == offset) {
                break;
            }
            offset = s.received();
        }
        return complete(actor, s.id());
    }

    private Path part(String id) {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new NotFoundException("upload " + id);
        }
        return staging.resolve(id + ".part");
    }

    private static String join(Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (Object a : args) {
            s.append(s.length() == 0 ? "" : "\u001f").append(a);
        }
        return s.toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The client sent a chunk for an offset the server does not have; it must resume at {@code received}. */
    public static final class OffsetMismatch extends RuntimeException {
        private final long received;

        OffsetMismatch(long received) {
            super("resume at " + received);
            this.received = received;
        }

        public long received() {
            return received;
        }
    }

    /** Reads at most {@code limit} bytes of another stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
