package vn.hoctap.training;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.db.Sql;
import vn.hoctap.records.RecordsChanged;
import vn.hoctap.shared.Times;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps assignments current without anyone asking. Every few seconds
 * ({@code hoctap.training.sweepSeconds}, default 10) one node — the one that locks the job's row
 * ({@code SKIP LOCKED}) — re-evaluates the people whose posts, home unit, roles or account changed
 * since the last run (an officer's edit, a staff import), and everyone when the organisation tree
 * changed. Standings follow the records as they are stored ({@link RecordsChanged}).
 */
@ApplicationScoped
public class AssignmentSweep {

    private static final Logger LOG = Logger.getLogger(AssignmentSweep.class.getName());
    static final String JOB = "training.assignments";
    /** Changes committed a little after the sweep read them are seen by the next run. */
    private static final int OVERLAP_SECONDS = 15;

    @Inject
    Sql sql;

    @Inject
    Assignments assignments;

    @Inject
    ProgrammeStore store;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "hoctap.training.sweepSeconds", defaultValue = "10")
    int sweepSeconds;

    @Inject
    jakarta.enterprise.inject.Instance<AssignmentSweep> self;

    private final AtomicBoolean running = new AtomicBoolean();

    public void onSchemaReady(@Observes @Priority(500) SchemaReady ready) {
        sql.update("INSERT IGNORE INTO scheduled_job (name) VALUES (?)", JOB);
        scheduler.scheduleWithFixedDelay(this::tick, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    /** Standings follow the learning summary the moment statements are committed. */
    public void onRecords(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordsChanged changed) {
        try {
            assignments.refreshPeople(changed.personIds());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Programme standings not refreshed for " + changed.personIds(), e);
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            self.get().sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Assignment sweep failed", e);
        } finally {
            running.set(false);
        }
    }

    /** One run; answers how many people were re-evaluated (-1: everyone, 0 also when another node holds the job). */
    @Transactional
    public int sweep() {
        Optional<LocalDateTime[]> claimed = sql.one("SELECT watermark, last_run FROM scheduled_job WHERE name = ? FOR UPDATE SKIP LOCKED",
                rs -> new LocalDateTime[]{Sql.time(rs, "watermark"), Sql.time(rs, "last_run")}, JOB);
        if (claimed.isEmpty()) {
            return 0;
        }
        LocalDateTime now = Times.nowUtc();
        LocalDateTime mark = claimed.get()[0];
        int result;
        boolean treeChanged = mark == null || sql.count("SELECT COUNT(*) FROM org_unit WHERE updated_at > ?",
                mark.minusSeconds(OVERLAP_SECONDS)) > 0;
        if (treeChanged) {
            for (Programme p : store.published()) {
                Assignments.Outcome o = assignments.assignAll(p);
                LOG.info(() -> "Programme " + p.code() + ": " + o);
            }
            result = -1;
        } else {
            List<Long> changed = sql.list("SELECT id FROM person WHERE membership_changed_at > ?", rs -> rs.getLong(1),
                    mark.minusSeconds(OVERLAP_SECONDS));
            assignments.reassign(changed);
            result = changed.size();
        }
        sql.update("UPDATE scheduled_job SET watermark = ?, last_run = ? WHERE name = ?", now, now, JOB);
        return result;
    }
}
