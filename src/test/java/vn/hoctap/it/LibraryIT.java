package vn.hoctap.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.hoctap.library.ingest.TestFiles;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library through the container: resumable upload, refusals, duplicates, the review workflow,
 * extraction in its own process, search that understands Vietnamese, and file serving.
 */
@ExtendWith(ArquillianExtension.class)
class LibraryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path dir;

    Http admin() {
        return new Http(URI.create(base.toString())).as("admin", PlatformIT.ADMIN_PASSWORD);
    }

    Http anonymous() {
        return new Http(URI.create(base.toString()));
    }

    /** A fresh author (a person with the AUTHOR role over an agency) and their password. */
    String[] author() {
        return author(admin(), "author", "SKHCN-CDS", "SKHCN");
    }

    /**
     * A fresh person in {@code unitCode} with the AUTHOR role over {@code scopeCode}, created by an
     * administrator's client: their user name and one-time password.
     */
    static String[] author(Http admin, String prefix, String unitCode, String scopeCode) {
        String s = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        JsonObject created = Http.json(admin.post("api/people", """
                {"username":"%s%s","fullName":"Tác Giả %s","unitCode":"%s","positionCode":"CV"}""".formatted(prefix, s, s, unitCode)));
        long id = created.getJsonObject("person").getInt("id");
        assertEquals(200, admin.post("api/people/" + id + "/roles", "{\"role\":\"AUTHOR\",\"scopeCode\":\"" + scopeCode + "\"}")
                .statusCode());
        return new String[] {prefix + s, created.getString("oneTimePassword")};
    }

    /** A person with no role at all. */
    String[] learner() {
        String s = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        JsonObject created = Http.json(admin().post("api/people", """
                {"username":"learner%s","fullName":"Người Học %s","unitCode":"STC-VP","positionCode":"CV"}""".formatted(s, s)));
        return new String[] {"learner" + s, created.getString("oneTimePassword")};
    }

    static JsonObject upload(Http as, String name, byte[] bytes) {
        HttpResponse<String> r = as.postBytes("api/materials", bytes, "Content-Type", "application/octet-stream",
                "X-File-Name", name);
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** The material once its latest version's text extraction has finished. */
    static JsonObject awaitExtraction(Http as, long materialId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            JsonObject m = Http.json(as.get("api/materials/" + materialId));
            String state = m.getJsonObject("latest").getString("extraction");
            if (!state.equals("PENDING") && !state.equals("RUNNING")) {
                return m;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("extraction did not finish");
    }

    JsonObject awaitSearch(Http as, String query, long materialId) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            JsonObject r = Http.json(as.get("api/materials?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)));
            if (r.getJsonArray("hits").getValuesAs(JsonObject.class).stream().anyMatch(h -> h.getInt("id") == materialId)) {
                return r;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + query + "' never found material " + materialId);
    }

    @Test
    void anUploadResumesAfterADroppedConnectionAndBecomesSearchableOncePublished() throws Exception {
        String[] a = author();
        Http author = anonymous().as(a[0], a[1]);
        String marker = "Dauxanh" + ThreadLocalRandom.current().nextInt(1000, 9999);
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(dir, "x.pdf", "Huong dan trong ca phe Arabica o Son La", marker,
                "Ky thuat tuoi nuoc va tia canh"));

        HttpResponse<String> started = author.post("api/uploads",
                "{\"fileName\":\"Hướng dẫn trồng cà phê.pdf\",\"size\":" + pdf.length + "}");
        assertEquals(201, started.statusCode(), started.body());
        String id = Http.json(started).getString("id");
        int half = pdf.length / 2;
        assertEquals(200, author.putBytes("api/uploads/" + id + "?offset=0", Arrays.copyOf(pdf, half)).statusCode());
        // the connection "drops"; the client asks where to resume, and a wrong offset is corrected
        assertEquals(half, Http.json(author.get("api/uploads/" + id)).getInt("received"));
        HttpResponse<String> wrong = author.putBytes("api/uploads/" + id + "?offset=3", Arrays.copyOfRange(pdf, 3, pdf.length));
        assertEquals(409, wrong.statusCode());
        assertEquals(half, Http.json(wrong).getInt("received"));
        assertEquals(pdf.length, Http.json(author.putBytes("api/uploads/" + id + "?offset=" + half,
                Arrays.copyOfRange(pdf, half, pdf.length))).getInt("received"));
        JsonObject done = Http.json(author.post("api/uploads/" + id + "/complete", ""));
        assertEquals("COMPLETE", done.getString("status"), done.toString());
        long materialId = done.getInt("materialId");

        JsonObject m = awaitExtraction(author, materialId);
        assertEquals("DONE", m.getJsonObject("latest").getString("extraction"), m.toString());
        assertEquals("PDF", m.getJsonObject("latest").getString("kind"));
        assertEquals("Hướng dẫn trồng cà phê.pdf", m.getJsonObject("latest").getString("fileName"));
        String fileUrl = m.getJsonObject("latest").getString("url").substring(1);

        // Unpublished: invisible to others, whatever the URL.
        String[] l = learner();
        assertEquals(404, anonymous().as(l[0], l[1]).get("api/materials/" + materialId).statusCode());
        assertEquals(404, anonymous().get(fileUrl).statusCode());
        assertEquals(404, anonymous().get("library/material.xhtml?id=" + materialId).statusCode());
        assertEquals(0, Http.json(admin().get("api/materials?q=" + marker)).getInt("total"));

        assertEquals(200, author.put("api/materials/" + materialId, """
                {"version":%d,"title":"Trồng cà phê Arabica ở Sơn La","description":"Kỹ thuật cho nông hộ",
                 "subjects":["nông nghiệp","cà phê"],"audience":"COMMUNITY","language":"vi","licence":"CC_BY",
                 "attribution":"Trung tâm Khuyến nông"}""".formatted(m.getInt("version"))).statusCode());
        assertEquals("SUBMITTED", Http.json(author.post("api/materials/" + materialId + "/submit", "")).getString("status"));
        assertEquals(403, author.post("api/materials/" + materialId + "/publish", "").statusCode(), "authors do not publish");
        assertEquals("PUBLISHED", Http.json(admin().post("api/materials/" + materialId + "/publish", "")).getString("status"));

        JsonObject found = awaitSearch(admin(), "ca phe arabica son la", materialId);
        JsonObject hit = found.getJsonArray("hits").getJsonObject(0);
        assertEquals(materialId, hit.getInt("id"), "the best hit");
        assertTrue(hit.getString("titleHtml").contains("<mark>"), hit.toString());
        awaitSearch(admin(), "cà phê Arabica", materialId);
        awaitSearch(admin(), marker.toLowerCase(), materialId);
        assertTrue(anonymous().get("library/?q=tr%E1%BB%93ng+c%C3%A0+ph%C3%AA").body().contains("<mark>"), "the page shows highlights");

        // Files: ETag, caching, ranges, the Vietnamese name kept.
        HttpResponse<String> file = anonymous().get(fileUrl);
        assertEquals(200, file.statusCode());
        String etag = file.headers().firstValue("ETag").orElseThrow();
        assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""), "no charset on a PDF");
        assertTrue(file.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("")
                .contains("filename*=UTF-8''H%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn%20tr%E1%BB%93ng%20c%C3%A0%20ph%C3%AA.pdf"));
        assertEquals(304, anonymous().get(fileUrl, "If-None-Match", etag).statusCode());
        HttpResponse<String> range = anonymous().get(fileUrl, "Range", "bytes=0-99");
        assertEquals(206, range.statusCode());
        assertEquals("bytes 0-99/" + pdf.length, range.headers().firstValue("Content-Range").orElse(""));
        assertEquals("100", range.headers().firstValue("Content-Length").orElse(""));
        assertEquals(416, anonymous().get(fileUrl, "Range", "bytes=" + pdf.length + "-").statusCode());
        assertEquals(200, anonymous().get("library/material.xhtml?id=" + materialId).statusCode());

        // The same bytes again are not stored twice.
        JsonObject again = upload(author, "ban-sao.pdf", pdf);
        assertTrue(again.getBoolean("duplicate"), again.toString());
        assertEquals(materialId, again.getInt("materialId"));

        // An administrator can rebuild the index from the database, and the material is still found.
        HttpResponse<String> rebuild = admin().post("api/search-indexes/materials/rebuild", "");
        assertEquals(202, rebuild.statusCode(), rebuild.body());
        JsonObject rebuilt;
        do {
            Thread.sleep(200);
            rebuilt = Http.json(admin().get("api/search-indexes/materials"));
        } while (rebuilt.getBoolean("rebuilding"));
        assertTrue(rebuilt.getInt("documents") >= 1, rebuilt.toString());
        awaitSearch(admin(), "ca phe arabica", materialId);
    }

    @Test
    void theMaterialsThatShipWithThePlatformArePublishedOnceAndSearchableInside() throws Exception {
        String[] l = learner();
        Http reader = anonymous().as(l[0], l[1]);
        String title = "Sổ tay nhận diện lừa đảo trực tuyến";
        JsonObject byTitle = Http.json(reader.get("api/materials?q=" + java.net.URLEncoder.encode("so tay nhan dien lua dao", StandardCharsets.UTF_8)));
        java.util.List<JsonObject> same = byTitle.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("titleHtml").replaceAll("</?mark>", "").equals(title)).toList();
        assertEquals(1, same.size(), "imported once, however many times the platform starts: " + byTitle);
        long id = same.get(0).getInt("id");
        JsonObject m = awaitExtraction(admin(), id);
        assertEquals("PUBLISHED", m.getString("status"));
        assertEquals("CC_BY", m.getString("licence"));
        assertEquals("DONE", m.getJsonObject("latest").getString("extraction"));
        // A phrase from inside the handout, typed without diacritics, finds it with a highlighted snippet.
        JsonObject inside = awaitSearch(reader, "tai khoan tam giu", id);
        String snippet = inside.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getInt("id") == id).findFirst().orElseThrow().getString("snippetHtml");
        assertTrue(snippet.contains("<mark>"), snippet);
        assertFalse(snippet.contains("**") || snippet.contains("##"), "the snippet is the handout's text, not its Markdown: " + snippet);
        HttpResponse<String> page = reader.get("library/material.xhtml?id=" + id);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h2>1. Năm chiêu lừa hay gặp nhất</h2>"), "the Markdown handout is shown formatted");
        assertFalse(page.body().contains("## 1."), "not as Markdown source");
    }

    @Test
    void badFilesAreRefusedWithAReasonAndNothingIsKept() throws Exception {
        String[] a = author();
        Http author = anonymous().as(a[0], a[1]);
        JsonObject exe = upload(author, "bai-giang.pdf", Files.readAllBytes(TestFiles.elf(dir, "a.bin")));
        assertEquals("REFUSED", exe.getString("status"));
        assertTrue(exe.getString("message").contains("chương trình"), exe.toString());
        JsonObject lie = upload(author, "slides.pptx", Files.readAllBytes(TestFiles.pdf(dir, "p.pdf", "x")));
        assertEquals("REFUSED", lie.getString("status"));
        assertTrue(lie.getString("message").contains("PPTX") && lie.getString("message").contains("PDF"), lie.toString());
        JsonObject macro = upload(author, "bao-cao.docx", Files.readAllBytes(TestFiles.macroDocx(dir, "m.docx")));
        assertEquals("REFUSED", macro.getString("status"));
        JsonObject bomb = upload(author, "tai-lieu.docx", Files.readAllBytes(TestFiles.zipBomb(dir, "b.docx")));
        assertEquals("REFUSED", bomb.getString("status"));
        assertTrue(bomb.getString("message").contains("nén"), bomb.toString());
        HttpResponse<String> empty = author.post("api/uploads", "{\"fileName\":\"a.pdf\",\"size\":0}");
        assertEquals(400, empty.statusCode());
        HttpResponse<String> huge = author.post("api/uploads", "{\"fileName\":\"phim.mp4\",\"size\":99999999999}");
        assertEquals(400, huge.statusCode());
        assertTrue(huge.body().contains("MB"), huge.body());
        HttpResponse<String> learner = anonymous().as("admin", PlatformIT.ADMIN_PASSWORD).get("api/materials?q=x");
        assertEquals(200, learner.statusCode());
    }

    @Test
    void aDamagedDocumentIsKeptButMarkedNotSearchable() throws Exception {
        String[] a = author();
        Http author = anonymous().as(a[0], a[1]);
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(dir, "whole.pdf", "noi dung"));
        JsonObject broken = upload(author, "hong.pdf", Arrays.copyOf(pdf, pdf.length / 2));
        assertEquals("COMPLETE", broken.getString("status"), broken.toString());
        JsonObject m = awaitExtraction(author, broken.getInt("materialId"));
        assertEquals("NOT_SEARCHABLE", m.getJsonObject("latest").getString("extraction"));
        assertFalse(m.getJsonObject("latest").getString("extractionNote").isBlank());
        assertEquals(200, author.get(m.getJsonObject("latest").getString("url").substring(1)).statusCode(), "the file is kept");
    }

    @Test
    void anotherAuthorCannotTouchADraft() {
        String[] a = author();
        String[] b = author();
        Http first = anonymous().as(a[0], a[1]);
        JsonObject up = upload(first, "ghi-chu.txt", ("Ghi chép " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        long id = up.getInt("materialId");
        Http second = anonymous().as(b[0], b[1]);
        assertEquals(404, second.get("api/materials/" + id).statusCode());
        assertEquals(404, second.put("api/materials/" + id, "{\"version\":1,\"title\":\"x\",\"licence\":\"CC0\"}").statusCode());
        assertEquals(404, second.post("api/materials/" + id + "/submit", "").statusCode());
    }
}
