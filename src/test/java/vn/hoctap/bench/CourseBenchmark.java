package vn.hoctap.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.CourseFormat;
import vn.hoctap.it.CourseFolders;
import vn.hoctap.it.Deployments;
import vn.hoctap.it.Http;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mvnw -Pbench verify -Dit.test=CourseBenchmark}: the course figures of issue 5. Seeds
 * 200 published courses (the five shipped ones, forty times over), 10,000 learners enrolled in
 * three courses each with progress, then signed-in virtual users open course pages and lesson
 * pages as fast as they are answered, one user and then 20 at once: requests per second and
 * latency p50/p95/p99 for each page. Prints a table and writes {@code target/benchmark-courses.txt}.
 * (Moodle 4.5's course page on the same kind of machine: ~7 req/s for one user, ~16 req/s with a
 * p50 near 1.2 s at 20.)
 */
@ExtendWith(ArquillianExtension.class)
class CourseBenchmark {

    static final int COURSES = Integer.getInteger("bench.courses", 200);
    static final int LEARNERS = Integer.getInteger("bench.learners", 10_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int USERS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    final Map<String, String> results = new LinkedHashMap<>();

    record Target(String course, String lesson) {
    }

    @Test
    void coursePagesAndLessonPages() throws Exception {
        long start = System.nanoTime();
        List<CourseDefinition> shipped = shipped();
        List<List<Target>> perUser = seed(shipped);
        results.put("seeded: courses, learners, enrolments, lessons done", String.format("%d, %d, %d, %d in %.0f s",
                COURSES, LEARNERS, count("SELECT COUNT(*) FROM enrolment"), count("SELECT COUNT(*) FROM lesson_progress"),
                (System.nanoTime() - start) / 1e9));
        Thread.sleep(6_000); // the catalogue is cached for 5 s on each node
        List<Http> sessions = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            Http browser = new Http(URI.create(base.toString()));
            HttpResponse<String> signedIn = browser.submitForm("login.xhtml", "signin",
                    Map.of("login", "bench" + u, "password", "Admin-Test-2026"), "submit");
            assertEquals(302, signedIn.statusCode(), signedIn.body());
            sessions.add(browser);
        }
        Target probe = perUser.get(0).get(0);
        assertTrue(sessions.get(0).get(lessonPath(probe)).body().contains("markDone")
                || sessions.get(0).get(lessonPath(probe)).body().contains("doneNote"), "a real lesson page");
        load("warm-up", "both", sessions, perUser, USERS, 15, false);
        for (int users : new int[]{1, USERS}) {
            for (String page : new String[]{"course page", "lesson page"}) {
                load(page + ", " + users + (users == 1 ? " user" : " users"), page, sessions, perUser, users, SECONDS, true);
            }
        }
        report();
    }

    static String coursePath(Target t) {
        return "courses/course.xhtml?c=" + t.course();
    }

    static String lessonPath(Target t) {
        return "learn/lesson.xhtml?c=" + t.course() + "&l=" + t.lesson();
    }

    /**
     * Each user opens pages of their own courses, one after the other as fast as they come, for the
     * given time: course pages, lesson pages, or both in turn.
     */
    void load(String label, String page, List<Http> sessions, List<List<Target>> perUser, int users, int seconds,
              boolean keep) throws InterruptedException {
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            Http browser = sessions.get(u);
            List<Target> mine = perUser.get(u);
            new Thread(() -> {
                Random random = new Random();
                while (System.nanoTime() < end) {
                    Target t = mine.get(random.nextInt(mine.size()));
                    if (!page.equals("lesson page")) {
                        time(browser, coursePath(t), times, errors);
                    }
                    if (!page.equals("course page")) {
                        time(browser, lessonPath(t), times, errors);
                    }
                }
                done.countDown();
            }, "bench-user-" + u).start();
        }
        done.await();
        if (keep) {
            results.put(label, summary(times, seconds) + (errors.get() == 0 ? "" : ", " + errors.get() + " errors"));
        }
    }

    static void time(Http browser, String path, ConcurrentLinkedQueue<Double> into, AtomicInteger errors) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = browser.get(path);
        into.add((System.nanoTime() - t0) / 1e6);
        if (r.statusCode() != 200) {
            errors.incrementAndGet();
        }
    }

    static String summary(ConcurrentLinkedQueue<Double> ms, int seconds) {
        return String.format("%.0f req/s, %s", ms.size() / (double) seconds, LibraryBenchmark.percentiles(new ArrayList<>(ms)));
    }

    static List<CourseDefinition> shipped() throws Exception {
        List<CourseDefinition> list = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("content", "courses"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                list.add(CourseFolders.read(dir));
            }
        }
        return list;
    }

    /** Courses, learners, enrolments and progress straight into MariaDB; answers each virtual user's lessons. */
    List<List<Target>> seed(List<CourseDefinition> shipped) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            List<long[]> courseIds = new ArrayList<>();
            List<CourseDefinition> definitions = new ArrayList<>();
            try (PreparedStatement course = c.prepareStatement("INSERT INTO course (code, origin, created_at, updated_at)"
                    + " VALUES (?, 'BENCH', ?, ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement version = c.prepareStatement("INSERT INTO course_version (course_id, number, status, title,"
                         + " summary, topic, audience, level, language, credited_minutes, in_order, structure, content_hash,"
                         + " created_at, published_at) VALUES (?, 1, 'PUBLISHED', ?, ?, ?, ?, ?, 'vi', ?, FALSE, ?, ?, ?, ?)",
                         Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement publish = c.prepareStatement("UPDATE course SET published_version_id = ? WHERE id = ?")) {
                for (int i = 0; i < COURSES; i++) {
                    CourseDefinition s = shipped.get(i % shipped.size());
                    CourseDefinition d = new CourseDefinition(String.format("bench-%03d", i), s.title() + " (" + (i + 1) + ")",
                            s.titleEn(), s.summary(), s.topic(), s.audience(), s.level(), s.creditedMinutes(), s.language(),
                            s.cover(), s.inOrder(), s.modules(), s.questions());
                    course.setString(1, d.code());
                    course.setTimestamp(2, now);
                    course.setTimestamp(3, now);
                    course.executeUpdate();
                    long courseId = generated(course);
                    version.setLong(1, courseId);
                    version.setString(2, d.title());
                    version.setString(3, d.summary());
                    version.setString(4, d.topic());
                    version.setString(5, d.audience().name());
                    version.setString(6, d.level().name());
                    version.setInt(7, d.creditedMinutes());
                    version.setString(8, CourseFormat.toJson(d));
                    version.setString(9, CourseFormat.hash(d));
                    version.setTimestamp(10, now);
                    version.setTimestamp(11, now);
                    version.executeUpdate();
                    long versionId = generated(version);
                    publish.setLong(1, versionId);
                    publish.setLong(2, courseId);
                    publish.executeUpdate();
                    courseIds.add(new long[]{courseId, versionId});
                    definitions.add(d);
                }
            }
            String hash;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT password_hash FROM person WHERE username = 'admin'")) {
                rs.next();
                hash = rs.getString(1);
            }
            Random random = new Random(42);
            List<List<Target>> perUser = new ArrayList<>();
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person (username, full_name, search_key, phone,"
                    + " account_type, enabled, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'RESIDENT', TRUE, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement enrol = c.prepareStatement("INSERT INTO enrolment (person_id, course_id, version_id, registration,"
                         + " enrolled_at, last_lesson, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement progress = c.prepareStatement("INSERT INTO lesson_progress (enrolment_id, lesson_key, done_at)"
                         + " VALUES (?, ?, ?)")) {
                for (int i = 0; i < LEARNERS; i++) {
                    person.setString(1, "bench" + i);
                    person.setString(2, "Học Viên " + i);
                    person.setString(3, "hoc vien " + i + " bench" + i);
                    person.setString(4, "08" + (10_000_000 + i));
                    person.setString(5, i < USERS ? hash : null);
                    person.setTimestamp(6, now);
                    person.setTimestamp(7, now);
                    person.executeUpdate();
                    long personId = generated(person);
                    List<Integer> picked = new ArrayList<>();
                    while (picked.size() < 3) {
                        int k = random.nextInt(COURSES);
                        if (!picked.contains(k)) {
                            picked.add(k);
                        }
                    }
                    List<Target> targets = new ArrayList<>();
                    for (int k : picked) {
                        List<CourseDefinition.Lesson> lessons = definitions.get(k).lessons();
                        int doneCount = random.nextInt(lessons.size() + 1);
                        enrol.setLong(1, personId);
                        enrol.setLong(2, courseIds.get(k)[0]);
                        enrol.setLong(3, courseIds.get(k)[1]);
                        enrol.setString(4, UUID.randomUUID().toString());
                        enrol.setTimestamp(5, now);
                        enrol.setString(6, lessons.get(Math.min(doneCount, lessons.size() - 1)).key());
                        enrol.setTimestamp(7, now);
                        enrol.executeUpdate();
                        long enrolmentId = generated(enrol);
                        for (int l = 0; l < doneCount; l++) {
                            progress.setLong(1, enrolmentId);
                            progress.setString(2, lessons.get(l).key());
                            progress.setTimestamp(3, now);
                            progress.addBatch();
                        }
                        for (CourseDefinition.Lesson l : lessons) {
                            if (l.html() != null) {
                                targets.add(new Target(definitions.get(k).code(), l.key()));
                            }
                        }
                    }
                    if (i % 500 == 499) {
                        progress.executeBatch();
                        c.commit();
                    }
                    if (i < USERS) {
                        Collections.shuffle(targets, random);
                        perUser.add(targets);
                    }
                }
                progress.executeBatch();
            }
            c.commit();
            return perUser;
        }
    }

    static long generated(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection connection() throws SQLException {
        return DriverManager.getConnection(System.getProperty("hoctap.it.db.url"), System.getProperty("hoctap.it.db.user"),
                System.getProperty("hoctap.it.db.password"));
    }

    void report() throws Exception {
        StringBuilder table = new StringBuilder("\nCourses benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)\n");
        results.forEach((k, v) -> table.append(String.format("  %-56s %s%n", k, v)));
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-courses.txt"), table.toString());
    }
}
