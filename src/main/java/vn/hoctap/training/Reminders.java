package vn.hoctap.training;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.platform.notify.Notice;
import vn.hoctap.platform.notify.Notifications;
import vn.hoctap.shared.Times;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reminders before the deadline ({@code hoctap.training.reminderDays}, default 30, 7 and 1 days), an
 * overdue notice after it, a weekly digest to each agency officer of the people in their scope who
 * still owe, and — near the deadline ({@code escalationDays}, default 14) — a weekly notice to the
 * province's officers naming the agencies below {@code escalationRate} percent (default 80).
 * Runs every {@code reminderMinutes} (default 60) on whichever node locks the job; every notice
 * has a key that makes it exist once, so a second run, or a second node, sends nothing again. The
 * same run freezes the reports whose date has come ({@link Reports}).
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class.getName());
    static final String JOB = "training.reminders";

    @Inject
    Sql sql;

    @Inject
    ProgrammeStore store;

    @Inject
    Notifications notifications;

    @Inject
    Reports reports;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    jakarta.enterprise.inject.Instance<Reminders> self;

    @Inject
    @ConfigProperty(name = "hoctap.training.reminderDays", defaultValue = "30,7,1")
    String reminderDays;

    @Inject
    @ConfigProperty(name = "hoctap.training.escalationDays", defaultValue = "14")
    int escalationDays;

    @Inject
    @ConfigProperty(name = "hoctap.training.escalationRate", defaultValue = "80")
    double escalationRate;

    @Inject
    @ConfigProperty(name = "hoctap.training.reminderMinutes", defaultValue = "60")
    int reminderMinutes;

    private final AtomicBoolean running = new AtomicBoolean();

    /** What one run created (notices that existed already are not counted). */
    public record Result(int reminders, int overdue, int digests, int escalations, int reportsFrozen) {
    }

    public void onSchemaReady(@Observes @Priority(700) SchemaReady ready) {
        sql.update("INSERT IGNORE INTO scheduled_job (name) VALUES (?)", JOB);
        scheduler.scheduleWithFixedDelay(this::tick, 60, reminderMinutes * 60L, TimeUnit.SECONDS);
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Result r = self.get().run();
            if (r != null && r.reminders() + r.overdue() + r.digests() + r.escalations() + r.reportsFrozen() > 0) {
                LOG.info(() -> "Training notices: " + r);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Training reminders failed", e);
        } finally {
            running.set(false);
        }
    }

    /** One run over every published programme; null when another node holds the job. */
    @Transactional
    public Result run() {
        if (sql.list("SELECT name FROM scheduled_job WHERE name = ? FOR UPDATE SKIP LOCKED", rs -> rs.getString(1), JOB).isEmpty()) {
            return null;
        }
        LocalDate today = LocalDate.now(Times.VIETNAM);
        String week = ReminderRules.week(today);
        List<Integer> steps = ReminderRules.steps(reminderDays);
        int reminders = 0;
        int overdue = 0;
        int digests = 0;
        int escalations = 0;
        List<Officer> officers = officers();
        for (Programme p : store.published()) {
            long daysLeft = ChronoUnit.DAYS.between(today, p.deadline());
            String deadline = Times.day(p.deadline());
            String courses = p.courses().stream().map(Programme.Course::title).collect(Collectors.joining("; "));
            List<long[]> owing = sql.list("SELECT person_id, courses_done FROM programme_assignment"
                    + " WHERE programme_id = ? AND active AND completed_at IS NULL", rs -> new long[]{rs.getLong(1), rs.getLong(2)}, p.id());
            OptionalInt step = ReminderRules.step(daysLeft, steps);
            List<Notice> notices = new ArrayList<>();
            for (long[] o : owing) {
                String left = Long.toString(Math.max(0, p.required() - o[1]));
                if (step.isPresent()) {
                    notices.add(new Notice(o[0], "training.reminder", "training.reminder:" + p.id() + ":" + o[0] + ":" + step.getAsInt(),
                            "notice.training.reminder.subject", "notice.training.reminder.body",
                            List.of(p.name(), deadline, Long.toString(daysLeft), left, courses), "/me/"));
                } else if (daysLeft < 0) {
                    notices.add(new Notice(o[0], "training.overdue", "training.overdue:" + p.id() + ":" + o[0],
                            "notice.training.overdue.subject", "notice.training.overdue.body",
                            List.of(p.name(), deadline, left, courses), "/me/"));
                }
            }
            int created = notifications.send(notices);
            if (step.isPresent()) {
                reminders += created;
            } else {
                overdue += created;
            }
            digests += notifications.send(digests(p, officers, daysLeft, deadline, week));
            escalations += notifications.send(escalations(p, officers, daysLeft, deadline, week));
        }
        int frozen = reports.freezeDue();
        sql.update("UPDATE scheduled_job SET last_run = ? WHERE name = ?", Times.nowUtc(), JOB);
        return new Result(reminders, overdue, digests, escalations, frozen);
    }

    private record Officer(long personId, long scopeId, String scopePath, String scopeName, boolean province) {
    }

    /** Agency officers with their scopes, and the officers and administrators over the whole province. */
    private List<Officer> officers() {
        return sql.list("SELECT DISTINCT g.person_id, u.id, u.path, u.name, u.parent_id IS NULL FROM role_grant g"
                        + " JOIN org_unit u ON u.id = g.scope_unit_id JOIN person p ON p.id = g.person_id AND p.enabled"
                        + " WHERE g.role = 'AGENCY_OFFICER' OR (g.role = 'ADMIN' AND u.parent_id IS NULL)",
                rs -> new Officer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
    }

    /** Each agency officer's weekly digest of this programme in their scope. */
    private List<Notice> digests(Programme p, List<Officer> officers, long daysLeft, String deadline, String week) {
        List<Notice> notices = new ArrayList<>();
        for (Officer o : officers) {
            if (o.province()) {
                continue; // the province's officers get the escalation instead
            }
            Compliance.Counts c = counts(p, o.scopePath(), daysLeft < 0);
            if (ReminderRules.digestDue(c, daysLeft)) {
                notices.add(new Notice(o.personId(), "training.digest",
                        "training.digest:" + p.id() + ":" + o.personId() + ":" + o.scopeId() + ":" + week,
                        "notice.training.digest.subject", "notice.training.digest.body",
                        List.of(p.name(), o.scopeName(), Long.toString(c.notDone()), Long.toString(c.assigned()),
                                Long.toString(c.overdue()), Compliance.percent(c.rate()), deadline),
                        "/admin/compliance.xhtml?p=" + p.code() + "&u=" + o.scopeId()));
            }
        }
        return notices;
    }

    /** Near the deadline, the agencies below the threshold, to the officers over the province. */
    private List<Notice> escalations(Programme p, List<Officer> officers, long daysLeft, String deadline, String week) {
        if (daysLeft > escalationDays) {
            return List.of();
        }
        List<String> lagging = sql.list("SELECT a.agency_id, u.name, COUNT(*) AS n, SUM(a.completed_at IS NOT NULL) AS done"
                        + " FROM programme_assignment a JOIN org_unit u ON u.id = a.agency_id"
                        + " WHERE a.programme_id = ? AND a.active GROUP BY a.agency_id, u.name"
                        + " ORDER BY SUM(a.completed_at IS NOT NULL) / COUNT(*), u.name",
                rs -> {
                    long n = rs.getLong("n");
                    Compliance.Counts c = new Compliance.Counts(n, rs.getLong("done"), 0, 0, n - rs.getLong("done"), daysLeft < 0);
                    return ReminderRules.escalate(c, daysLeft, escalationDays, escalationRate)
                            ? rs.getString("name") + " (" + Compliance.percent(c.rate()) + "%)" : null;
                }, p.id()).stream().filter(java.util.Objects::nonNull).toList();
        if (lagging.isEmpty()) {
            return List.of();
        }
        List<Notice> notices = new ArrayList<>();
        for (Officer o : officers) {
            if (o.province()) {
                notices.add(new Notice(o.personId(), "training.escalation", "training.escalation:" + p.id() + ":" + o.personId() + ":" + week,
                        "notice.training.escalation.subject", "notice.training.escalation.body",
                        List.of(p.name(), deadline, Long.toString(lagging.size()), Compliance.percent(escalationRate), String.join("; ", lagging)),
                        "/admin/compliance.xhtml?p=" + p.code()));
            }
        }
        return notices;
    }

    private Compliance.Counts counts(Programme p, String scopePath, boolean past) {
        return sql.one("SELECT COUNT(*) AS n, COALESCE(SUM(a.completed_at IS NOT NULL), 0) AS done FROM programme_assignment a"
                        + " JOIN org_unit u ON u.id = a.unit_id WHERE a.programme_id = ? AND a.active AND u.path LIKE ?",
                rs -> new Compliance.Counts(rs.getLong("n"), rs.getLong("done"), 0, 0, rs.getLong("n") - rs.getLong("done"), past),
                p.id(), scopePath + "%").orElse(Compliance.Counts.ZERO);
    }


}
