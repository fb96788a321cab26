package vn.hoctap.library.extract;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.library.ExtractionStore;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.platform.storage.BlobStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Extracts the text and metadata of new versions in the background. Work is claimed in MariaDB
 * ({@code FOR UPDATE SKIP LOCKED}), so with several nodes each version is extracted once; a claim
 * left by a node that died is taken over after a while. A failed extraction never loses the file:
 * the version is kept and marked "not searchable" with the reason.
 */
@ApplicationScoped
public class ExtractionJobs {

    private static final Logger LOG = Logger.getLogger(ExtractionJobs.class.getName());

    @Inject
    ExtractionStore store;

    @Inject
    Extractor extractor;

    @Inject
    BlobStore blobs;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "hoctap.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "hoctap.extract.max-chars", defaultValue = "2000000")
    int maxChars;

    private final AtomicBoolean running = new AtomicBoolean();

    public void onSchemaReady(@Observes @Priority(400) SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(this::drain, 5, 5, TimeUnit.SECONDS);
    }

    /** Starts working now rather than at the next tick (after an upload). */
    public void nudge() {
        executor.submit(this::drain);
    }

    /** Extracts until nothing is waiting. One drain at a time per node. */
    public void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<ExtractionStore.Claim> claim;
            while ((claim = store.claim()).isPresent()) {
                process(claim.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Extraction loop stopped", e);
        } finally {
            running.set(false);
        }
    }

    private void process(ExtractionStore.Claim claim) {
        Optional<Path> file = blobs.localPath(claim.sha256());
        if (file.isEmpty()) {
            store.record(claim, ExtractionResult.failure("missing", "the file is not in the blob store"), null);
            return;
        }
        Path text = null;
        try {
            Path tmp = Path.of(dataDir, "extract-tmp");
            Files.createDirectories(tmp);
            text = Files.createTempFile(tmp, "text-", ".txt");
            long start = System.currentTimeMillis();
            ExtractionResult result = extractor.extract(file.get(), text, maxChars);
            store.record(claim, result, result.isSearchable() ? text : null);
            long millis = System.currentTimeMillis() - start;
            LOG.info(() -> "Extracted version " + claim.versionId() + " (" + claim.fileName() + "): " + result.status()
                    + ", " + result.chars() + " characters in " + millis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Extraction of version " + claim.versionId() + " failed", e);
            store.record(claim, ExtractionResult.failure("crashed", e.getMessage()), null);
        } finally {
            if (text != null) {
                try {
                    Files.deleteIfExists(text);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }
}
