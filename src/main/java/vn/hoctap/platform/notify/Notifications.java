package vn.hoctap.platform.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.platform.i18n.Messages;
import vn.hoctap.platform.mail.Mailer;
import vn.hoctap.platform.web.PublicUrl;
import vn.hoctap.shared.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In-app notifications, and their e-mail when the platform has an SMTP server. A notice is created
 * once (its dedup key is unique, so several nodes or runs creating the same reminder make one);
 * its e-mail is sent once by whichever node claims it ({@code FOR UPDATE SKIP LOCKED}), retried a
 * few times when the server refuses.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CollectionType STRINGS = JSON.getTypeFactory().constructCollectionType(List.class, String.class);
    static final int MAX_ATTEMPTS = 5;
    static final Locale MAIL_LOCALE = Locale.forLanguageTag("vi");

    @Inject
    Sql sql;

    @Inject
    Mailer mailer;

    @Inject
    PublicUrl publicUrl;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "hoctap.notify.mailSeconds", defaultValue = "15")
    int mailSeconds;

    @Inject
    jakarta.enterprise.inject.Instance<Notifications> self;

    private final AtomicBoolean sending = new AtomicBoolean();

    public void onSchemaReady(@Observes @Priority(600) SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(this::tick, mailSeconds, mailSeconds, TimeUnit.SECONDS);
    }

    /** Creates the notices not created before; answers how many are new. */
    @Transactional
    public int send(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        var now = Times.nowUtc();
        String status = mailer.isConfigured() ? "PENDING" : "NONE";
        for (Notice n : notices) {
            rows.add(new Object[]{n.personId(), n.kind(), n.dedupKey(), n.subjectKey(), n.bodyKey(), json(n.args()), n.link(), now,
                    status, n.personId()});
        }
        notices.forEach(n -> unreadCounts.remove(n.personId()));
        return sql.insertRows("INSERT IGNORE INTO notification (person_id, kind, dedup_key, subject_key, body_key, args, link,"
                + " created_at, email_status, email_to) VALUES", "(?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT email FROM person WHERE id = ?))", "", rows);
    }

    public List<Notice.Stored> recent(long personId, int limit) {
        return sql.list("SELECT id, kind, subject_key, body_key, args, link, created_at, read_at FROM notification"
                        + " WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                rs -> new Notice.Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), args(rs.getString(5)),
                        rs.getString(6), Sql.time(rs, "created_at"), Sql.time(rs, "read_at")), personId, limit);
    }

    /** How long a node trusts a person's unread count (it is in the header of every page). */
    private static final long UNREAD_TTL_MILLIS = 20_000;
    private final java.util.concurrent.ConcurrentHashMap<Long, long[]> unreadCounts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The person's unread notices; a node may answer from a count up to 20 s old (never older than its own changes). */
    public long unread(long personId) {
        long now = System.currentTimeMillis();
        long[] cached = unreadCounts.get(personId);
        if (cached != null && now - cached[1] < UNREAD_TTL_MILLIS) {
            return cached[0];
        }
        long count = sql.count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND read_at IS NULL", personId);
        if (unreadCounts.size() > 50_000) {
            unreadCounts.clear();
        }
        unreadCounts.put(personId, new long[]{count, now});
        return count;
    }

    public void markAllRead(long personId) {
        sql.update("UPDATE notification SET read_at = ? WHERE person_id = ? AND read_at IS NULL", Times.nowUtc(), personId);
        unreadCounts.remove(personId);
    }

    /** A notice's text in a language: subject, then body, then the link made absolute. */
    public String[] render(Locale locale, String subjectKey, String bodyKey, List<String> args, String link) {
        Object[] a = args.toArray();
        return new String[]{Messages.get(locale, subjectKey, a), Messages.get(locale, bodyKey, a),
                link == null ? null : publicUrl.of(link)};
    }

    private void tick() {
        if (!mailer.isConfigured() || !sending.compareAndSet(false, true)) {
            return;
        }
        try {
            while (self.get().sendSome() > 0) {
                // until nothing is waiting
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending notification e-mail stopped", e);
        } finally {
            sending.set(false);
        }
    }

    private record Pending(long id, String to, String subjectKey, String bodyKey, List<String> args, String link, int attempts) {
    }

    /** Sends up to 20 waiting e-mails, each claimed by this node alone; answers how many were tried (-1: the server refused). */
    @Transactional
    public int sendSome() {
        List<Pending> pending = sql.list("SELECT id, email_to, subject_key, body_key, args, link, email_attempts FROM notification"
                        + " WHERE email_status = 'PENDING' ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED",
                rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), args(rs.getString(5)),
                        rs.getString(6), rs.getInt(7)));
        if (pending.isEmpty()) {
            return 0;
        }
        try (Mailer.Connection smtp = mailer.connect()) {
            for (Pending p : pending) {
                if (!sendOne(smtp, p)) {
                    return -1; // the server is likely down: try again at the next tick
                }
            }
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "No connection to the SMTP server: " + e.getMessage());
            return -1;
        }
        return pending.size();
    }

    /** Sends one claimed e-mail; false when the server failed (counted as an attempt), so the batch stops. */
    private boolean sendOne(Mailer.Connection smtp, Pending p) {
        if (p.to() == null || p.to().isBlank()) {
            sql.update("UPDATE notification SET email_status = 'NONE' WHERE id = ?", p.id());
            return true;
        }
        String[] text = render(MAIL_LOCALE, p.subjectKey(), p.bodyKey(), p.args(), p.link());
        try {
            smtp.send(p.to(), text[0], text[2] == null ? text[1] : text[1] + "\n\n" + text[2]);
            sql.update("UPDATE notification SET email_status = 'SENT', email_sent_at = ?, email_attempts = email_attempts + 1,"
                    + " email_error = NULL WHERE id = ?", Times.nowUtc(), p.id());
            return true;
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            String error = String.valueOf(e.getMessage());
            LOG.log(Level.WARNING, "E-mail of notification " + p.id() + " not sent: " + error);
            // MariaDB assigns left to right: in the IF, email_attempts is already the new count
            sql.update("UPDATE notification SET email_attempts = email_attempts + 1, email_error = ?,"
                            + " email_status = IF(email_attempts >= ?, 'FAILED', 'PENDING') WHERE id = ?",
                    error.length() > 500 ? error.substring(0, 500) : error, MAX_ATTEMPTS, p.id());
            // an address the server refuses does not stop the others; anything else likely means the server is down
            return e instanceof jakarta.mail.SendFailedException;
        }
    }

    private static String json(List<String> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> args(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
