package vn.hoctap.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.library.extract.ExtractionResult;
import vn.hoctap.platform.search.SearchOutbox;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database side of extraction: claiming the next version to extract (one node per version)
 * and recording what came out. Each call is its own short transaction; the parsing in between
 * holds no lock and no connection.
 */
@ApplicationScoped
public class ExtractionStore {

    /** A claim older than this belongs to a node that died: another node may take it. */
    static final int STALE_MINUTES = 15;
    /** Timeouts and crashes are retried this many times before the version is given up on. */
    static final int MAX_ATTEMPTS = 2;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchOutbox outbox;

    public record Claim(long versionId, String sha256, String fileName, int attempt) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claim() {
        Timestamp stale = Timestamp.valueOf(Times.nowUtc().minusMinutes(STALE_MINUTES));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, blob_sha256, file_name, extraction_attempts"
                        + " FROM material_version WHERE extraction_status = 'PENDING'"
                        + " OR (extraction_status = 'RUNNING' AND extraction_claimed_at < ?)"
                        + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, stale).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long id = ((Number) r[0]).longValue();
        em.createNativeQuery("UPDATE material_version SET extraction_status = 'RUNNING', extraction_claimed_at = ?,"
                        + " extraction_attempts = extraction_attempts + 1 WHERE id = ?")
                .setParameter(1, Timestamp.valueOf(Times.nowUtc())).setParameter(2, id).executeUpdate();
        return Optional.of(new Claim(id, (String) r[1], (String) r[2], ((Number) r[3]).intValue() + 1));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Claim claim, ExtractionResult result, Path text) {
        MaterialVersion version = em.find(MaterialVersion.class, claim.versionId());
        if (version == null) {
            return;
        }
        boolean retry = (result.status().equals("timeout") || result.status().equals("crashed"))
                && claim.attempt() < MAX_ATTEMPTS;
        if (retry) {
            version.recordExtraction(ExtractionStatus.PENDING, result.status(), null, false);
            return;
        }
        if (text != null) {
            try {
                String content = Files.readString(text, StandardCharsets.UTF_8);
                em.createNativeQuery("REPLACE INTO material_text (version_id, content) VALUES (?, ?)")
                        .setParameter(1, claim.versionId()).setParameter(2, content).executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ExtractionStatus status = result.isSearchable() ? ExtractionStatus.DONE : ExtractionStatus.NOT_SEARCHABLE;
        String note = result.isSearchable() ? null : result.status() + (result.error() == null ? "" : ": " + result.error());
        version.recordExtraction(status, note, result.isSearchable() ? result.chars() : null, result.truncated());
        Map<String, String> m = result.meta();
        version.recordMetadata(m.get("title"), m.get("author"), m.get("language"), integer(m.get("pages"), m.get("slides")),
                duration(m.get("duration")), integer(m.get("width")), integer(m.get("height")));
        Material material = version.getMaterial();
        String metaTitle = m.get("title");
        if (metaTitle != null && !metaTitle.isBlank() && metaTitle.length() <= 300 && material.getPublishedVersion() == null
                && material.getTitle().equals(LibraryService.titleFromFileName(version.getFileName()))) {
            material.setTitle(metaTitle); // a better start than the file name, until the author says otherwise
        }
        if (material.getPublishedVersion() != null && material.getPublishedVersion().getId().equals(version.getId())) {
            outbox.record(LibraryService.INDEX, material.getId());
        }
    }

    static Integer integer(String... values) {
        for (String v : values) {
            if (v != null) {
                try {
                    return (int) Double.parseDouble(v.trim());
                } catch (NumberFormatException ignored) {
                    // try the next one
                }
            }
        }
        return null;
    }

    /** Tika gives durations in seconds (MP4) or milliseconds (some MP3s); a lecture is not 30 hours long. */
    static Integer duration(String value) {
        Integer seconds = integer(value);
        if (seconds == null) {
            return null;
        }
        return seconds > 100_000 ? seconds / 1000 : seconds;
    }
}
