package vn.hoctap.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.platform.i18n.Messages;
import vn.hoctap.platform.web.PublicUrl;
import vn.hoctap.records.LearningEvent;
import vn.hoctap.records.LearningRecords;
import vn.hoctap.records.Vocabulary;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Certificates of completion: issued once per enrolment when the course is completed, written to
 * the learning record (an "earned" statement with the PDF attached), verifiable by anyone at
 * {@code /verify/{code}}, revocable by an administrator.
 */
@ApplicationScoped
public class CertificateService {

    /** No 0/O, 1/I/L: a code read aloud or typed from paper is not misread. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Sql sql;

    @Inject
    LearningRecords records;

    @Inject
    PublicUrl publicUrl;

    @Inject
    AuditService audit;

    @Inject
    CatalogService catalog;

    @Inject
    BadgeKeys keys;

    /** A new code such as {@code 7KQ2-M9XD-4RTA}: 60 random bits. */
    static String newCode() {
        StringBuilder b = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The code as people type it: upper case, dashes where they belong, look-alike letters mapped. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != 12) {
            return s;
        }
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }

    public String verifyUrl(String code) {
        return publicUrl.of("/verify/" + code);
    }

    /** Issues the enrolment's certificate (once), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate issue(long enrolmentId, long personId, String personName, PublishedCourse course, String registration) {
        Optional<Certificate> existing = sql.one("SELECT * FROM certificate WHERE enrolment_id = ?", CertificateService::row, enrolmentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDateTime now = Times.nowUtc();
        String code = newCode();
        CourseDefinition d = course.definition();
        long id = sql.insert("INSERT INTO certificate (code, enrolment_id, person_id, course_id, version_id, person_name,"
                        + " course_title, credited_minutes, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                code, enrolmentId, personId, course.courseId(), course.versionId(), personName, d.title(),
                d.creditedMinutes(), now);
        Certificate c = new Certificate(id, code, enrolmentId, personId, course.courseId(), personName, d.title(),
                d.creditedMinutes(), now, null, null);
        Path pdf = null;
        try {
            pdf = Files.createTempFile("certificate", ".pdf");
            try (OutputStream out = Files.newOutputStream(pdf)) {
                pdf(c, out);
            }
            records.record(LearningEvent.of(personId, Vocabulary.EARNED, records.activity("certificates/" + code))
                    .name("Chứng nhận hoàn thành: " + d.title(), d.titleEn() == null ? null : "Certificate: " + d.titleEn())
                    .type(Vocabulary.CERTIFICATE).parent(records.activity("courses/" + d.code()))
                    .registration(java.util.UUID.fromString(registration)).topic(d.topic())
                    .attach(new LearningEvent.Attachment(Vocabulary.CERTIFICATE_ATTACHMENT, "Chứng nhận", "application/pdf", pdf)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(pdf);
        }
        return c;
    }

    public Optional<Certificate> find(String code) {
        return sql.one("SELECT * FROM certificate WHERE code = ?", CertificateService::row, normalise(code));
    }

    public Optional<Certificate> forEnrolment(long enrolmentId) {
        return sql.one("SELECT * FROM certificate WHERE enrolment_id = ?", CertificateService::row, enrolmentId);
    }

    public List<Certificate> ofPerson(long personId) {
        return sql.list("SELECT * FROM certificate WHERE person_id = ? ORDER BY issued_at DESC", CertificateService::row, personId);
    }

    /** Certificates, newest first, optionally those whose code or name contains {@code q}. */
    public List<Certificate> recent(String q, int limit) {
        if (q == null || q.isBlank()) {
            return sql.list("SELECT * FROM certificate ORDER BY issued_at DESC LIMIT ?", CertificateService::row, limit);
        }
        String like = "%" + q.trim().replace("%", "").replace("_", "") + "%";
        return sql.list("SELECT * FROM certificate WHERE code LIKE ? OR person_name LIKE ? ORDER BY issued_at DESC LIMIT ?",
                CertificateService::row, like, like, limit);
    }

    /** The PDF, in Vietnamese, for the person it names or staff. */
    public void pdf(Certificate c, OutputStream out) throws IOException {
        CertificatePdf.write(c, verifyUrl(c.code()), key -> Messages.get(Locale.forLanguageTag("vi"), key), out);
    }

    /** The issuer of the platform's badges, as Open Badges describes it. */
    public OpenBadge.Issuer issuer() {
        return new OpenBadge.Issuer(publicUrl.of("/badges/issuer"), Messages.get(Locale.forLanguageTag("vi"), "certificate.pdf.issuer"),
                publicUrl.of("/"));
    }

    /** The certificate as a signed Open Badges 3.0 credential (a VC-JWT). */
    public String badge(Certificate c) {
        long versionId = sql.one("SELECT version_id FROM certificate WHERE id = ?", rs -> rs.getLong(1), c.id()).orElseThrow();
        CourseDefinition d = catalog.version(versionId).definition();
        BadgeKeys.Key key = keys.current();
        try {
            return OpenBadge.sign(OpenBadge.withStatus(OpenBadge.credential(c, d.summary(), records.activity("courses/" + d.code()),
                    verifyUrl(c.code()), issuer()), publicUrl.of("/badges/status/"), c.id()), key.kid(), key.publicKey(), key.privateKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Status list {@code n} of the badges (Bitstring Status List v1.0), signed like the badges: a bit
     * for each certificate whose id falls in the list, set when it is revoked. Read from the
     * database at each request, so a revocation shows at once (HTTP caches keep it minutes).
     */
    public String statusList(int n) {
        long first = (long) (n - 1) * OpenBadge.STATUS_LIST_BITS;
        java.util.BitSet revoked = new java.util.BitSet(OpenBadge.STATUS_LIST_BITS);
        sql.list("SELECT id FROM certificate WHERE revoked_at IS NOT NULL AND id >= ? AND id < ?", rs -> rs.getLong(1),
                first, first + OpenBadge.STATUS_LIST_BITS).forEach(id -> revoked.set((int) (id - first)));
        BadgeKeys.Key key = keys.current();
        try {
            return OpenBadge.sign(OpenBadge.statusListCredential(publicUrl.of("/badges/status/" + n), issuer(), revoked,
                    java.time.Instant.now()), key.kid(), key.publicKey(), key.privateKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes a certificate; the verification page says so from then on. Administrators only. */
    @Transactional
    public Certificate revoke(Actor actor, String code, String reason) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("revoke certificate");
        }
        Certificate c = find(code).orElseThrow(() -> new NotFoundException("certificate " + code));
        if (c.isRevoked()) {
            return c;
        }
        sql.update("UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
                Times.nowUtc(), actor.username(), reason, c.id());
        audit.record(new AuditEvent(actor.personId(), actor.username(), "certificate.revoke", "certificate", c.code(),
                c.personName() + " – " + c.courseTitle(), "/", Map.of("revoked", false),
                Map.of("revoked", true, "reason", reason == null ? "" : reason)));
        return find(code).orElseThrow();
    }

    static Certificate row(ResultSet rs) throws SQLException {
        return new Certificate(rs.getLong("id"), rs.getString("code"), rs.getLong("enrolment_id"), rs.getLong("person_id"),
                rs.getLong("course_id"), rs.getString("person_name"), rs.getString("course_title"),
                rs.getInt("credited_minutes"), Sql.time(rs, "issued_at"), Sql.time(rs, "revoked_at"),
                rs.getString("revoke_reason"));
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up
            }
        }
    }
}
