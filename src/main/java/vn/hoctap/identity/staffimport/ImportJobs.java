package vn.hoctap.identity.staffimport;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.identity.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports running in the background on this node, by id. The page keeps only the id (its view
 * state may be serialised between requests); the progress and the result live here for an hour.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());
    private static final Duration KEEP = Duration.ofHours(1);

    @Resource
    ManagedExecutorService executor;

    @Inject
    StaffImportService imports;

    private record Job(ImportProgress progress, Instant started) {
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public String start(Actor actor, ImportPlan plan, SheetReader.Sheet sheet) {
        jobs.values().removeIf(j -> j.started().plus(KEEP).isBefore(Instant.now()));
        String id = UUID.randomUUID().toString();
        ImportProgress progress = new ImportProgress();
        jobs.put(id, new Job(progress, Instant.now()));
        executor.submit(() -> {
            try {
                progress.finish(imports.commit(actor, plan, sheet, progress));
            } catch (StaffImportService.PlanChanged changed) {
                progress.fail("import.error.changedMeanwhile");
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Staff import failed", e);
                progress.fail("import.error.failed");
            }
        });
        return id;
    }

    public Optional<ImportProgress> progress(String id) {
        Job job = id == null ? null : jobs.get(id);
        return job == null ? Optional.empty() : Optional.of(job.progress());
    }
}
