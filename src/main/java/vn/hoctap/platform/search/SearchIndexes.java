package vn.hoctap.platform.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hoctap.platform.db.SchemaReady;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The search indexes of this node, kept in step with MariaDB. Every second each index applies
 * the outbox entries after its position; an index that is missing, was built by another mapping,
 * or has fallen behind what the outbox still holds is rebuilt from the database at start-up. An
 * administrator can rebuild at any time. Indexes live in {@code hoctap.index.dir} (default
 * {@code <data dir>/index}), one folder each, never shared between nodes.
 */
@ApplicationScoped
public class SearchIndexes {

    private static final Logger LOG = Logger.getLogger(SearchIndexes.class.getName());
    private static final long GAP_GRACE_SECONDS = 10;
    private static final int OUTBOX_KEEP_DAYS = 7;

    @Inject
    Instance<IndexedSource> sources;

    @Inject
    SearchOutbox outbox;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "hoctap.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "hoctap.index.dir")
    Optional<String> indexDir;

    private final Map<String, LuceneIndex> indexes = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private ScheduledFuture<?> poller;

    /** Progress of a rebuild: how many records are in so far, and when it ended. */
    public static final class Rebuild {
        final AtomicLong done = new AtomicLong();
        volatile boolean finished;
        volatile boolean started;
        volatile long millis;

        public long done() {
            return done.get();
        }

        public boolean finished() {
            return finished;
        }

        public long millis() {
            return millis;
        }
    }

    public void onSchemaReady(@Observes @Priority(300) SchemaReady ready) {
        String installation = outbox.installationId();
        long head = outbox.maxId();
        for (IndexedSource source : sources) {
            try {
                Path folder = Path.of(indexDir.orElse(Path.of(dataDir, "index").toString())).resolve(source.name());
                Files.createDirectories(folder);
                LuceneIndex index = new LuceneIndex(source, folder, installation);
                indexes.put(source.name(), index);
                long min = outbox.minId();
                boolean behind = index.position() >= 0 && min > 0 && index.position() < min - 1;
                boolean ahead = index.position() > head;
                String reason = index.position() < 0 ? "new" : !index.isSameDatabase() ? "from another database"
                        : !index.isCurrentSchema() ? "from another mapping" : behind ? "behind the outbox"
                        : ahead ? "ahead of the database" : null;
                if (reason != null) {
                    LOG.info(() -> "Search index '" + source.name() + "' is " + reason + ": rebuilding from the database");
                    scheduler.submit(() -> rebuild(source.name()));
                }
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Cannot open the search index '" + source.name() + "'", e);
            }
        }
        poller = scheduler.scheduleWithFixedDelay(this::applyAll, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> outbox.purge(Times.nowUtc().minusDays(OUTBOX_KEEP_DAYS)),
                1, 24 * 60, TimeUnit.MINUTES);
    }

    public List<String> names() {
        return indexes.keySet().stream().sorted().toList();
    }

    public Optional<LuceneIndex> index(String name) {
        return Optional.ofNullable(indexes.get(name));
    }

    /** Rebuilds an index from the database; searches keep seeing the old one until it is done. */
    public Rebuild rebuild(String name) {
        LuceneIndex index = indexes.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no index " + name);
        }
        Rebuild progress = rebuilds.compute(name, (n, r) -> r != null && !r.finished() && !r.started ? r : new Rebuild());
        progress.started = true;
        long start = System.currentTimeMillis();
        synchronized (index) {
            try {
                long position = outbox.maxId();
                index.deleteAll();
                long after = 0;
                List<Long> ids;
                while (!(ids = index.source().ids(after, 500)).isEmpty()) {
                    Map<Long, Document> docs = index.source().documents(ids);
                    // Analysis is the costly part and the writer is thread-safe: use every core.
                    docs.entrySet().parallelStream().forEach(e -> {
                        try {
                            index.put(e.getKey(), e.getValue());
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    });
                    progress.done.addAndGet(ids.size());
                    after = ids.get(ids.size() - 1);
                }
                index.optimize();
                index.commit(position);
                progress.millis = System.currentTimeMillis() - start;
                LOG.info(() -> "Search index '" + name + "' rebuilt: " + progress.done() + " records in "
                        + progress.millis + " ms");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Rebuilding the search index '" + name + "' failed", e);
            } finally {
                progress.finished = true;
            }
        }
        return progress;
    }

    /** Marks a rebuild as asked for (before it is queued), so that callers see it at once. */
    public void requestRebuild(String name) {
        rebuilds.put(name, new Rebuild());
    }

    /** Whether a rebuild of the index has been asked for and has not finished (it may still be queued). */
    public boolean isRebuilding(String name) {
        Rebuild r = rebuilds.get(name);
        return r != null && !r.finished();
    }

    public Optional<Rebuild> rebuildProgress(String name) {
        return Optional.ofNullable(rebuilds.get(name));
    }

    /** Applies pending outbox entries to every index now (also called by tests and after uploads). */
    public void applyAll() {
        for (LuceneIndex index : indexes.values()) {
            try {
                apply(index);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Applying changes to the search index '" + index.source().name() + "' failed", e);
            }
        }
    }

    private void apply(LuceneIndex index) throws IOException {
        synchronized (index) {
            while (true) {
                long position = index.position();
                List<SearchOutbox.Entry> entries = outbox.after(position, 500);
                int usable = SearchOutbox.applicablePrefix(position, entries, Times.nowUtc(), GAP_GRACE_SECONDS);
                if (usable == 0) {
                    return;
                }
                for (SearchOutbox.Entry entry : entries.subList(0, usable)) {
                    if (entry.index().equals(index.source().name())) {
                        Optional<Document> doc = index.source().document(entry.entityId());
                        if (doc.isPresent()) {
                            index.put(entry.entityId(), doc.get());
                        } else {
                            index.delete(entry.entityId());
                        }
                    }
                }
                index.commit(entries.get(usable - 1).id());
                if (usable < 500) {
                    return;
                }
            }
        }
    }

    @PreDestroy
    void close() {
        if (poller != null) {
            poller.cancel(false);
        }
        for (LuceneIndex index : indexes.values()) {
            try {
                index.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Closing a search index failed", e);
            }
        }
    }
}
