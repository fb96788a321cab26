package vn.hoctap.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hoctap.assessment.Question;
import vn.hoctap.catalog.CourseDefinition;
import vn.hoctap.catalog.CourseFormat;
import vn.hoctap.catalog.LessonKind;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Courses as a learner takes them, through the real pages and form posts: the shipped courses are
 * in the catalogue; enrol → lessons → quiz (answers saved as given, found again after a reload) →
 * completion → certificate → public verification → revocation; a failing learner runs out of
 * attempts; progress and completion land in the xAPI record.
 */
@ExtendWith(ArquillianExtension.class)
class CourseIT {

    static final String ADMIN_PASSWORD = "Admin-Test-2026";
    static final String COURSE = "an-toan-thong-tin";
    static final Pattern PROMPT = Pattern.compile("id=\"prompt\">([^<]*)<");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    Http anonymous() {
        return new Http(URI.create(base.toString()));
    }

    Http admin() {
        return anonymous().as("admin", ADMIN_PASSWORD);
    }

    static CourseDefinition shipped(String code) throws Exception {
        return CourseFolders.read(Path.of("content", "courses", code));
    }

    /** A new staff member, signed in with a password of their own: a browser with its session. */
    Http learner(String[] idOut) {
        String s = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        HttpResponse<String> r = admin().post("api/people", """
                {"username":"hoc.vien%s","fullName":"Lò Thị Hà %s","phone":"09%d","unitCode":"SNV-VP","positionCode":"CV"}"""
                .formatted(s, s, ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject created = Http.json(r);
        idOut[0] = Integer.toString(created.getJsonObject("person").getInt("id"));
        Http browser = anonymous();
        assertEquals(302, browser.submitForm("login.xhtml", "signin", Map.of("login", "hoc.vien" + s,
                "password", created.getString("oneTimePassword")), "submit").statusCode());
        String chosen = "Hoc-Tap-Son-La-" + s;
        assertEquals(302, browser.submitForm("me/password.xhtml", "password", Map.of("current",
                created.getString("oneTimePassword"), "chosen", chosen, "chosenAgain", chosen), "submit").statusCode());
        return browser;
    }

    static String location(HttpResponse<String> r) {
        assertEquals(302, r.statusCode(), r.body());
        String l = r.headers().firstValue("Location").orElseThrow();
        return l.substring(l.indexOf('/', l.indexOf("//") + 2) + 1);
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").strip();
    }

    @Test
    void theShippedCoursesAreInTheCatalogueAndItsSearchIgnoresDiacritics() {
        String page = anonymous().get("courses/").body();
        for (String title : List.of("Kỹ năng số cơ bản cho cán bộ, công chức, viên chức", "An toàn thông tin và bảo vệ dữ liệu cá nhân",
                "Chuyển đổi số và khai thác dữ liệu trong thực thi công vụ")) {
            assertTrue(page.contains(title), title);
        }
        String found = anonymous().get("courses/?q=chuyen+doi+so+cong+vu").body();
        Matcher first = Pattern.compile("<h2><a [^>]*>([^<]*)</a>").matcher(found);
        assertTrue(first.find(), found);
        assertEquals("Chuyển đổi số và khai thác dữ liệu trong thực thi công vụ", first.group(1), "the title match first");
        assertTrue(anonymous().get("courses/?q=xyzzyq").body().contains("Không có khóa học nào khớp"));
        JsonArray api = (JsonArray) Http.jsonValue(admin().get("api/courses?q=an+toan+thong+tin"));
        assertEquals(COURSE, api.getJsonObject(0).getString("code"), "title matches first");
        JsonObject structure = Http.json(admin().get("api/courses/" + COURSE));
        assertTrue(structure.getJsonArray("modules").size() >= 2);
        assertFalse(structure.toString().contains("\"correct\""), "no answers in the API");
        assertEquals(404, admin().get("api/courses/khong-co").statusCode());
        assertEquals(200, anonymous().get("courses/course.xhtml?c=" + COURSE).statusCode());
        assertEquals(404, anonymous().get("courses/course.xhtml?c=khong-co").statusCode());
    }

    @Test
    void aLearnerTakesACourseToItsVerifiableCertificate() throws Exception {
        CourseDefinition course = shipped(COURSE);
        Map<String, Question> bank = course.questions().stream().collect(Collectors.toMap(Question::prompt, q -> q));
        String[] id = new String[1];
        Http learner = learner(id);

        assertEquals(302, learner.get("learn/lesson.xhtml?c=" + COURSE).statusCode(), "not enrolled yet: to the course page");
        String lesson = location(act(learner, Map.of("action", "enrol", "c", COURSE)));
        assertTrue(lesson.startsWith("learn/lesson.xhtml?c=" + COURSE), lesson);
        assertTrue(learner.get(lesson).body().contains(course.lessons().get(0).title()));

        String quiz = null;
        for (CourseDefinition.Lesson l : course.lessons()) {
            if (l.kind() == LessonKind.QUIZ) {
                quiz = l.key();
                continue;
            }
            location(act(learner, Map.of("action", "done", "c", COURSE, "l", l.key(),
                    "opened", Long.toString(System.currentTimeMillis() - 60_000))));
        }
        assertNotNull(quiz);
        JsonArray progress = (JsonArray) Http.jsonValue(learner.get("api/me/progress"));
        assertTrue(progress.getJsonObject(0).getInt("percent") < 100, "the quiz is still owed");
        assertEquals(quiz, progress.getJsonObject(0).getString("resumeLesson"));

        // A quiz lesson cannot be ticked off by hand.
        assertTrue(location(act(learner, Map.of("action", "done", "c", COURSE, "l", quiz)))
                .contains("problem=learn.quizNotPassed"));

        String page = location(act(learner, Map.of("action", "start", "c", COURSE, "l", quiz)));
        String first = learner.get(page).body();
        String attempt = field(first, "a");
        // The first answer is saved the moment it is given (the page script posts go=stay) ...
        Question q0 = bank.get(unescape(match(PROMPT, first)));
        Map<String, String> answer0 = answer(q0, form(COURSE, quiz, attempt, 0));
        answer0.put("go", "stay");
        assertEquals(204, act(learner, answer0).statusCode());
        // ... so a reload (a dropped connection) finds it again.
        String reloaded = learner.get("learn/quiz.xhtml?c=" + COURSE + "&l=" + quiz + "&q=0").body();
        assertTrue(reloaded.contains("1/12") || reloaded.contains("dot answered"), "answered once");
        assertEquals(attempt, field(reloaded, "a"), "the same attempt goes on");
        assertEquals(302, act(learner, Map.of("action", "start", "c", COURSE, "l", quiz)).statusCode());
        assertEquals(attempt, field(learner.get(location(learner.postForm("learn/act",
                Map.of("action", "start", "c", COURSE, "l", quiz)))).body(), "a"), "starting again resumes it");

        String result = null;
        for (int position = 0; result == null; position++) {
            String html = learner.get("learn/quiz.xhtml?c=" + COURSE + "&l=" + quiz + "&q=" + position).body();
            Question q = bank.get(unescape(match(PROMPT, html)));
            assertNotNull(q, "every question shown comes from the bank");
            Map<String, String> fields = answer(q, form(COURSE, quiz, attempt, position));
            boolean last = html.contains("id=\"submitQuiz\"");
            fields.put("go", last ? "submit" : "next");
            String next = location(act(learner, fields));
            if (last) {
                result = next;
            }
        }
        String graded = learner.get(result).body();
        assertTrue(graded.contains("12/12"), graded);
        assertTrue(graded.contains("Đạt"));

        String coursePage = learner.get("courses/course.xhtml?c=" + COURSE).body();
        Matcher code = Pattern.compile("learn/certificate\\?code=([A-Z0-9-]{14})").matcher(coursePage);
        assertTrue(code.find(), "a certificate once the course is completed");
        String certificate = code.group(1);
        HttpResponse<String> pdf = learner.get("learn/certificate?code=" + certificate);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(pdf.body().startsWith("%PDF"));
        assertNotEquals(200, anonymous().get("learn/certificate?code=" + certificate).statusCode(), "not without signing in");
        assertEquals(404, learner(new String[1]).get("learn/certificate?code=" + certificate).statusCode(),
                "nor by another learner");

        // The same certificate as a signed Open Badges 3.0 credential, checkable with the published key.
        HttpResponse<String> badge = learner.get("learn/certificate?code=" + certificate + "&format=badge");
        assertEquals(200, badge.statusCode());
        String[] jws = badge.body().split("\\.");
        assertEquals(3, jws.length);
        String header = new String(Base64.getUrlDecoder().decode(jws[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(jws[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"OpenBadgeCredential\"") && claims.contains("Lò Thị Hà"), claims);
        JsonObject jwks = Http.json(anonymous().get("badges/jwks.json"));
        String kid = jwks.getJsonArray("keys").getJsonObject(0).getString("kid");
        assertTrue(header.contains("\"kid\":\"" + kid + "\""), header);
        assertEquals(200, anonymous().get("badges/issuer").statusCode());

        String verify = anonymous().get("verify/" + certificate).body();
        assertTrue(verify.contains("Giấy chứng nhận hợp lệ"), verify);
        assertTrue(verify.contains("Lò Thị Hà"));
        assertTrue(verify.contains("An toàn thông tin và bảo vệ dữ liệu cá nhân"));
        assertFalse(verify.contains("hoc.vien"), "nothing beyond name, course and date");
        assertTrue(anonymous().get("verify/" + certificate.toLowerCase().replace("-", "")).body().contains("hợp lệ"),
                "a code typed without dashes, in lower case");
        assertTrue(anonymous().get("verify/ZZZZ-ZZZZ-ZZZZ").body().contains("Không tìm thấy"));

        String home = learner.get("me/").body();
        assertTrue(home.contains("An toàn thông tin và bảo vệ dữ liệu cá nhân") && home.contains("100%"),
                "the learner's home lists the course, completed");
        assertTrue(home.contains("learn/certificate?code=" + certificate), "with its certificate");
        JsonArray mine = (JsonArray) Http.jsonValue(learner.get("api/me/progress"));
        assertEquals(100, mine.getJsonObject(0).getInt("percent"));
        assertEquals(certificate, mine.getJsonObject(0).getString("certificateCode"));

        // The learning record holds the completion with the credited hours, and the certificate.
        String record = learner.get("me/record.xhtml").body();
        assertTrue(record.contains("An toàn thông tin và bảo vệ dữ liệu cá nhân"), record);
        assertTrue(record.contains("Chứng nhận hoàn thành"));
        Http lrs = anonymous();
        String agent = URLEncoder.encode("{\"account\":{\"homePage\":\"http://localhost:8080\",\"name\":\"" + id[0] + "\"}}",
                StandardCharsets.UTF_8);
        HttpResponse<String> statements = lrs.get("xapi/statements?agent=" + agent + "&verb="
                        + URLEncoder.encode("http://adlnet.gov/expapi/verbs/completed", StandardCharsets.UTF_8)
                        + "&activity=" + URLEncoder.encode("http://localhost:8080/xapi/activities/courses/" + COURSE, StandardCharsets.UTF_8),
                "X-Experience-API-Version", "2.0.0", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("it-client:it-xapi-secret-2026".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, statements.statusCode(), statements.body());
        JsonArray completed = Http.json(statements).getJsonArray("statements");
        assertEquals(1, completed.size(), "the course completed once");
        assertEquals(240, completed.getJsonObject(0).getJsonObject("result").getJsonObject("extensions")
                .getInt("https://w3id.org/hoctap/xapi/extensions/credited-minutes"));

        // An administrator revokes it; the public page says so.
        HttpResponse<String> revoked = admin().post("api/certificates/" + certificate + "/revoke", "{\"reason\":\"Cấp nhầm\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertFalse(Http.json(revoked).getBoolean("valid"));
        assertTrue(anonymous().get("verify/" + certificate).body().contains("đã bị thu hồi"));
        // ... and so does the badge's status list, which any verifier fetches (Bitstring Status List).
        JsonObject status = jakarta.json.Json.createReader(new java.io.StringReader(claims)).readObject()
                .getJsonObject("credentialStatus");
        String list = status.getString("statusListCredential");
        int index = Integer.parseInt(status.getString("statusListIndex"));
        HttpResponse<String> listJwt = anonymous().get(list.substring(list.indexOf("/badges/") + 1));
        assertEquals(200, listJwt.statusCode());
        JsonObject listClaims = jakarta.json.Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder()
                .decode(listJwt.body().split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        byte[] bits = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(Base64.getUrlDecoder().decode(
                listClaims.getJsonObject("credentialSubject").getString("encodedList").substring(1)))).readAllBytes();
        assertTrue((bits[index / 8] & (0x80 >>> (index % 8))) != 0, "the certificate's bit is set");
        assertEquals(403, learner.post("api/certificates/" + certificate + "/revoke", "{}").statusCode(),
                "only administrators revoke");

        // A new training period: the learner takes the course again from the start; the first
        // enrolment stays as history with its certificate, and the record shows both completions.
        assertTrue(learner.get("courses/course.xhtml?c=" + COURSE).body().contains("id=\"retake\""));
        String again = location(act(learner, Map.of("action", "retake", "c", COURSE)));
        assertTrue(again.startsWith("learn/lesson.xhtml"), again);
        String fresh = learner.get("courses/course.xhtml?c=" + COURSE).body();
        assertTrue(fresh.contains("0% "), "progress starts again");
        assertFalse(fresh.contains("id=\"retake\""), "nothing to take again until it is completed");
        assertTrue(anonymous().get("verify/" + certificate).body().contains("đã bị thu hồi"), "the earlier certificate is kept");
        JsonArray mineAgain = (JsonArray) Http.jsonValue(learner.get("api/me/progress"));
        assertEquals(1, mineAgain.size(), "one current enrolment per course");
        assertEquals(0, mineAgain.getJsonObject(0).getInt("percent"));
    }

    @Test
    void aLearnerWhoFailsRunsOutOfAttemptsAndLearnsWhy() throws Exception {
        CourseDefinition course = shipped(COURSE);
        String quiz = course.lessons().stream().filter(l -> l.kind() == LessonKind.QUIZ).findFirst().orElseThrow().key();
        Http learner = learner(new String[1]);
        location(act(learner, Map.of("action", "enrol", "c", COURSE)));
        int attempts = course.lesson(quiz).orElseThrow().quiz().attempts();
        for (int n = 1; n <= attempts; n++) {
            String page = location(act(learner, Map.of("action", "start", "c", COURSE, "l", quiz)));
            String attempt = field(learner.get(page).body(), "a");
            // Submitting with nothing answered: graded at once, zero.
            String result = location(act(learner, Map.of("action", "submit", "a", attempt)));
            String graded = learner.get(result).body();
            assertTrue(graded.contains("0/12"), graded);
            assertTrue(graded.contains("Chưa đạt"));
            assertTrue(graded.contains("Đáp án đúng"), "the right answers are shown with the feedback");
        }
        String refused = location(act(learner, Map.of("action", "start", "c", COURSE, "l", quiz)));
        assertTrue(refused.contains("problem=quiz.noAttemptsLeft"), refused);
        assertTrue(learner.get(refused).body().contains("hết số lần làm bài"));
        JsonArray progress = (JsonArray) Http.jsonValue(learner.get("api/me/progress"));
        assertFalse(progress.getJsonObject(0).containsKey("completedAt") && !progress.getJsonObject(0).isNull("completedAt"),
                "not completed");
    }

    @Test
    void anAuthorDownloadsACourseEditsItAndPublishesANewVersion() throws Exception {
        HttpResponse<String> zip = admin().get("author/courses/export?c=ca-phe-cay-an-qua");
        assertEquals(200, zip.statusCode());
        // the body went through a String: fetch the bytes again properly
        java.net.http.HttpResponse<byte[]> bytes = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(base + "author/courses/export?c=ca-phe-cay-an-qua"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> files = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes.body()))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(files.containsKey("ca-phe-cay-an-qua/course.yaml"), files.keySet().toString());
        assertTrue(files.containsKey("ca-phe-cay-an-qua/quiz.yaml"));
        String edited = files.get("ca-phe-cay-an-qua/course.yaml").replace("theo hướng bền vững ở Sơn La",
                "theo hướng bền vững ở Sơn La (bản sửa)");
        files.put("ca-phe-cay-an-qua/course.yaml", edited);
        String location = upload(files);
        assertTrue(location.contains("outcome=NEW_VERSION"), location);
        JsonObject course = Http.json(admin().get("api/courses/ca-phe-cay-an-qua")).getJsonObject("course");
        assertTrue(course.getString("title").endsWith("(bản sửa)"), course.toString());
        assertTrue(course.getInt("version") >= 2);

        files.put("ca-phe-cay-an-qua/quiz.yaml", "questions:\n  - key: q1\n    type: single\n    prompt: \"?\"\n");
        String refused = upload(files);
        assertTrue(refused.contains("problem=course.archive.invalid"), refused);
        Http browser = anonymous();
        browser.submitForm("login.xhtml", "signin", Map.of("login", "admin", "password", ADMIN_PASSWORD), "submit");
        assertTrue(upload(files, browser).contains("problem=course.archive.invalid"));
        String page = browser.get("author/courses.xhtml?problem=course.archive.invalid").body();
        assertTrue(page.contains("quiz.yaml, câu hỏi q1"), "every problem is listed, in Vietnamese, with where it is");
        assertTrue(page.contains("chưa công bố gì"));
    }

    /** A fresh person with the AUTHOR role and their one-time password. */
    String[] author() {
        return LibraryIT.author(admin(), "tac.gia", "SNV-VP", "SNV");
    }

    @Test
    void anAuthorBuildsACourseInTheEditorAndLearnersKeepTheirProgressAcrossVersions() throws Exception {
        String[] author = author();
        Http writer = anonymous().as(author[0], author[1]);
        String code = "so-tay-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String api = "api/author/courses/" + code;

        HttpResponse<String> created = writer.post("api/author/courses", """
                {"code":"%s","title":"Sổ tay an toàn điện thoại"}""".formatted(code));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject draft = Http.json(created);
        assertFalse(draft.getJsonArray("problems").isEmpty(), "an empty lesson and no topic: not publishable yet");
        assertEquals(400, writer.post("api/author/courses", "{\"code\":\"" + code + "\",\"title\":\"x\"}").statusCode(),
                "the code is taken");

        String[] other = author();
        assertEquals(404, anonymous().as(other[0], other[1]).get(api + "/draft").statusCode(),
                "another author does not see the course");
        assertTrue(anonymous().as(other[0], other[1]).get("api/author/courses").body().indexOf(code) < 0);

        String course = """
                {"code":"ignored","title":"Sổ tay an toàn điện thoại","topic":"Kỹ năng số","audience":"COMMUNITY",
                 "level":"BASIC","creditedMinutes":60,"language":"vi","inOrder":false,
                 "modules":[{"title":"Bảo vệ điện thoại","lessons":[
                   {"key":"bai-1","title":"Khóa màn hình","kind":"TEXT","minutes":10,"optional":false,
                    "html":"<h2>Mã PIN</h2><p>Ít nhất <b>6 số</b>.</p><script>alert(1)</script>"},
                   {"title":"Kiểm tra cuối khóa","kind":"QUIZ","minutes":5,"optional":false,
                    "quiz":{"draw":0,"passPercent":100,"attempts":0}}]}],
                 "questions":[{"type":"TRUEFALSE","prompt":"Nên dùng ngày sinh làm mã PIN.","answer":false}]}""";
        HttpResponse<String> saved = writer.put(api + "/draft", "{\"revision\":\"" + draft.getString("revision")
                + "\",\"course\":" + course + "}");
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject after = Http.json(saved);
        assertEquals(List.of(), after.getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        JsonArray lessons = after.getJsonObject("course").getJsonArray("modules").getJsonObject(0).getJsonArray("lessons");
        assertEquals("## Mã PIN\n\nÍt nhất **6 số**.\n", lessons.getJsonObject(0).getString("markdown"), "kept as Markdown, script gone");
        assertEquals("kiem-tra-cuoi-khoa", lessons.getJsonObject(1).getString("key"), "a new lesson gets a key from its title");
        assertEquals("q1", after.getJsonObject("course").getJsonArray("questions").getJsonObject(0).getString("key"));

        HttpResponse<String> stale = writer.put(api + "/draft", "{\"revision\":\"" + draft.getString("revision")
                + "\",\"course\":" + course + "}");
        assertEquals(400, stale.statusCode());
        assertTrue(stale.body().contains("course.editor.stale"), "a save from an older revision never overwrites");

        HttpResponse<String> published = writer.post(api + "/publish", "{\"revision\":\"" + after.getString("revision") + "\"}");
        assertEquals(200, published.statusCode(), published.body());
        assertTrue(published.body().contains("CREATED"));
        JsonObject v1 = Http.json(admin().get("api/courses/" + code)).getJsonObject("course");
        assertEquals(1, v1.getInt("version"));

        // A learner takes the first lesson of version 1 ...
        String[] id = new String[1];
        Http learner = learner(id);
        location(act(learner, Map.of("action", "enrol", "c", code)));
        location(act(learner, Map.of("action", "done", "c", code, "l", "bai-1",
                "opened", Long.toString(System.currentTimeMillis() - 60_000))));
        assertTrue(learner.get("learn/lesson.xhtml?c=" + code + "&l=bai-1").body().contains("<strong>6 số</strong>"));

        // ... the author adds a lesson in front and publishes version 2 ...
        JsonObject open = Http.json(writer.get(api + "/draft"));
        assertFalse(open.getBoolean("saved"), "no draft: the editor starts from the published version");
        String v2 = course.replace("\"lessons\":[", """
                "lessons":[{"title":"Cập nhật phần mềm","kind":"LINK","minutes":5,"optional":false,
                 "link":"https://www.ais.gov.vn"},""");
        JsonObject saved2 = Http.json(writer.put(api + "/draft", "{\"revision\":\"" + open.getString("revision")
                + "\",\"course\":" + v2 + "}"));
        assertTrue(Http.json(writer.get("api/author/courses/" + code + "/draft")).getBoolean("saved"));
        assertEquals("1", String.valueOf(Http.json(admin().get("api/courses/" + code)).getJsonObject("course").getInt("version")),
                "learners still see version 1 while the draft is edited");
        assertEquals(200, writer.post(api + "/publish", "{\"revision\":\"" + saved2.getString("revision") + "\"}").statusCode());
        assertEquals(2, Http.json(admin().get("api/courses/" + code)).getJsonObject("course").getInt("version"));

        // ... and the learner keeps the lesson they did.
        String next = learner.get("learn/lesson.xhtml?c=" + code + "&l=bai-1").body();
        assertTrue(next.contains("doneNote"), "bai-1 is still done in version 2");

        // The other author may not publish this course by uploading its files either.
        Map<String, String> files = new LinkedHashMap<>();
        CourseFormat.write(shipped(COURSE)).forEach((k, v) -> files.put(code + "/" + k, k.equals("course.yaml")
                ? v.replaceFirst("code: \\S+", "code: " + code) : v));
        assertTrue(upload(files, anonymous().as(other[0], other[1])).contains("problem=course.archive.notYours"));
        // ... until an author of the course adds them.
        assertEquals(200, writer.post(api + "/authors", "{\"username\":\"" + other[0] + "\"}").statusCode());
        assertEquals(200, anonymous().as(other[0], other[1]).get(api + "/draft").statusCode());
        String learnerName = Http.json(admin().get("api/people/" + id[0])).getString("username");
        assertEquals(400, writer.post(api + "/authors", "{\"username\":\"" + learnerName + "\"}").statusCode(),
                "a person without the author role cannot be added");
    }

    @Test
    void aMaterialLessonShowsTheLibraryVersionItFollowsOrPins() throws Exception {
        String[] author = author();
        Http writer = anonymous().as(author[0], author[1]);
        String marker = "Sotay" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long material = LibraryIT.upload(writer, "so-tay-" + marker + ".txt",
                ("Phiên bản một của sổ tay " + marker + ": mật khẩu dài 12 ký tự.").getBytes(StandardCharsets.UTF_8))
                .getInt("materialId");
        LibraryIT.awaitExtraction(writer, material);
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1600, 900, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(new java.awt.Color(11, 110, 79));
        g.fillRect(0, 0, 1600, 900);
        g.setColor(java.awt.Color.ORANGE);
        g.fillOval(500 + ThreadLocalRandom.current().nextInt(300), 200, 400, 400); // other bytes each run
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "png", png);
        long image = LibraryIT.upload(writer, "bia-" + marker + ".png", png.toByteArray()).getInt("materialId");
        LibraryIT.awaitExtraction(writer, image);

        String code = "hoc-lieu-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String api = "api/author/courses/" + code;
        JsonObject draft = Http.json(writer.post("api/author/courses", "{\"code\":\"%s\",\"title\":\"Dùng sổ tay\"}".formatted(code)));
        String course = """
                {"code":"ignored","title":"Dùng sổ tay an toàn","topic":"Kỹ năng số","audience":"EVERYONE",
                 "level":"BASIC","creditedMinutes":30,"language":"vi","inOrder":false,"cover":%d,
                 "modules":[{"title":"Đọc sổ tay","lessons":[
                   {"key":"ban-moi","title":"Sổ tay mới nhất","kind":"MATERIAL","minutes":10,"optional":false,"materialId":%d},
                   {"key":"ban-ghim","title":"Sổ tay bản 1","kind":"MATERIAL","minutes":10,"optional":false,
                    "materialId":%d,"materialVersion":1}]}]}""".formatted(image, material, material);
        JsonObject saved = Http.json(writer.put(api + "/draft", "{\"revision\":\"" + draft.getString("revision")
                + "\",\"course\":" + course + "}"));
        assertTrue(saved.getJsonArray("problems").toString().contains("học liệu số " + material + " chưa được xuất bản"),
                "learners could not see an unpublished material: " + saved.getJsonArray("problems"));
        assertTrue(saved.getJsonArray("problems").toString().contains("ảnh bìa (học liệu số " + image + ")"));
        assertEquals(400, writer.post(api + "/publish", "{\"revision\":\"" + saved.getString("revision") + "\"}").statusCode());

        assertEquals(200, writer.put("api/materials/" + material, """
                {"version":%d,"title":"Sổ tay an toàn %s","subjects":["an toàn"],"audience":"EVERYONE","language":"vi",
                 "licence":"CC_BY","attribution":"Sở Khoa học và Công nghệ"}"""
                .formatted(Http.json(writer.get("api/materials/" + material)).getInt("version"), marker)).statusCode());
        assertEquals(200, admin().post("api/materials/" + material + "/publish", "").statusCode());
        assertEquals(200, writer.put("api/materials/" + image, """
                {"version":%d,"title":"Ảnh bìa sổ tay","audience":"EVERYONE","language":"vi","licence":"CC0"}"""
                .formatted(Http.json(writer.get("api/materials/" + image)).getInt("version"))).statusCode());
        assertEquals(200, admin().post("api/materials/" + image + "/publish", "").statusCode());
        JsonObject ready = Http.json(writer.get(api + "/draft"));
        assertEquals("[]", ready.getJsonArray("problems").toString());
        assertEquals(200, writer.post(api + "/publish", "{\"revision\":\"" + ready.getString("revision") + "\"}").statusCode());

        // Version 2 of the material is published: one lesson follows it, the other stays on version 1.
        HttpResponse<String> second = writer.postBytes("api/materials?material=" + material,
                ("Phiên bản hai của sổ tay " + marker + ": dùng cụm mật khẩu.").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/octet-stream", "X-File-Name", "so-tay-2.txt");
        assertEquals(200, second.statusCode(), second.body());
        LibraryIT.awaitExtraction(writer, material);
        assertEquals(200, admin().post("api/materials/" + material + "/publish", "").statusCode());

        String[] id = new String[1];
        Http learner = learner(id);
        location(act(learner, Map.of("action", "enrol", "c", code)));
        String latest = learner.get("learn/lesson.xhtml?c=" + code + "&l=ban-moi").body();
        assertTrue(latest.contains("Phiên bản hai của sổ tay"), "follows the published version");
        assertTrue(latest.contains("id=\"lessonMaterial\"") && latest.contains("CC BY"), "with its licence");
        String pinned = learner.get("learn/lesson.xhtml?c=" + code + "&l=ban-ghim").body();
        assertTrue(pinned.contains("Phiên bản một của sổ tay"), "stays on the pinned version");
        JsonArray versions = Http.json(learner.get("api/materials/" + material)).getJsonArray("versions");
        assertEquals(2, versions.size(), "both versions were published: a learner may open either");
        String oldFile = versions.getValuesAs(JsonObject.class).stream().filter(v -> v.getInt("number") == 1)
                .findFirst().orElseThrow().getString("url").substring(1);
        assertEquals(200, learner.get(oldFile).statusCode());
        assertTrue(learner.get(oldFile).body().contains("Phiên bản một"));

        // A third version waits for review: nobody but its author and reviewers sees it.
        HttpResponse<String> third = writer.postBytes("api/materials?material=" + material,
                ("Bản nháp ba " + marker).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/octet-stream", "X-File-Name", "so-tay-3.txt");
        String draftFile = Http.json(writer.get("api/materials/" + material)).getJsonObject("latest").getString("url").substring(1);
        assertEquals(3, Http.json(writer.get("api/materials/" + material)).getJsonObject("latest").getInt("number"), third.body());
        assertEquals(404, learner.get(draftFile).statusCode());
        assertEquals(2, Http.json(learner.get("api/materials/" + material)).getJsonArray("versions").size());
        assertFalse(learner.get("learn/lesson.xhtml?c=" + code + "&l=ban-moi").body().contains("Bản nháp ba"));

        // The cover: in the catalogue as a small JPEG, on the course page larger.
        Thread.sleep(5_500); // the catalogue is cached for 5 s
        Matcher cover = Pattern.compile("src=\"[^\"]*?(files/\\d+/[^\"?]*)\\?w=480\"").matcher(
                anonymous().get("courses/?q=" + URLEncoder.encode("Dùng sổ tay an toàn", StandardCharsets.UTF_8)).body());
        assertTrue(cover.find(), "the catalogue card shows the cover");
        String coverPath = cover.group(1);
        HttpResponse<byte[]> thumb = anonymous().getBytes(coverPath + "?w=480");
        assertEquals(200, thumb.statusCode());
        assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElse(""));
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body()));
        assertEquals(480, small.getWidth());
        assertEquals(270, small.getHeight());
        assertTrue(thumb.body().length < png.size(), "smaller than the original");
        assertEquals("image/png", anonymous().getBytes(coverPath + "?w=123").headers().firstValue("Content-Type").orElse(""),
                "only the widths pages use are made; others get the original");
        assertTrue(anonymous().get("courses/course.xhtml?c=" + code).body().contains("?w=960"));
        assertTrue(Http.json(learner.get("api/courses/" + code)).getJsonObject("course").getString("cover").contains("/files/"));

        assertTrue(learner.get("learn/lesson.xhtml?c=" + code + "&l=ban-moi").body().contains("id=\"lessonMaterial\""));

        // The material's page says where it is used, and a learner following the pin reads "an older version".
        assertTrue(learner.get("library/material.xhtml?id=" + material + "&v=" + versions.getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getInt("number") == 1).findFirst().orElseThrow().getInt("id")).body().contains("id=\"olderVersion\""));
        String page = anonymous().get("library/material.xhtml?id=" + material).body();
        assertTrue(page.contains("Dùng sổ tay an toàn") && page.contains("Sổ tay bản 1"), "used in the course, by lesson");

        // Withdrawn: no version is public any more, and publishing a new one does not bring the old ones back.
        assertEquals(200, admin().post("api/materials/" + material + "/unpublish", "").statusCode());
        assertEquals(404, learner.get(oldFile).statusCode());
        assertTrue(learner.get("learn/lesson.xhtml?c=" + code + "&l=ban-ghim").body().contains("id=\"materialMissing\""));
        assertEquals(200, admin().post("api/materials/" + material + "/publish", "").statusCode());
        assertEquals(404, learner.get(oldFile).statusCode(), "version 1 stays withdrawn");
        assertEquals(200, learner.get(draftFile).statusCode(), "version 3, published now");

        // A shipped course's further reading: the shipped Markdown handout, formatted, in the lesson.
        long handout = Http.json(admin().get("api/materials?q=so+tay+nhan+dien+lua+dao")).getJsonArray("hits").getJsonObject(0).getInt("id");
        LibraryIT.awaitExtraction(admin(), handout);
        location(act(learner, Map.of("action", "enrol", "c", "dien-thoai-an-toan")));
        String reading = learner.get("learn/lesson.xhtml?c=dien-thoai-an-toan&l=so-tay-lua-dao").body();
        assertTrue(reading.contains("<h2>1. Năm chiêu lừa hay gặp nhất</h2>") && !reading.contains("## 1."), "formatted, not Markdown source");
        assertTrue(reading.contains("CC BY"), "with its licence");
    }


    String upload(Map<String, String> files) throws Exception {
        return upload(files, admin());
    }

    static String upload(Map<String, String> files, Http as) throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        String boundary = "----hoctap" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"khoa-hoc.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = as.postBytes("author/courses/import", body.toByteArray(),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertEquals(302, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    static Map<String, String> form(String course, String quiz, String attempt, int position) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("action", "answer");
        f.put("c", course);
        f.put("l", quiz);
        f.put("a", attempt);
        f.put("q", Integer.toString(position));
        return f;
    }

    /** The right answer, in form fields (multiple choices as repeated "choice" fields joined for postForm). */
    static Map<String, String> answer(Question q, Map<String, String> f) {
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                List<String> chosen = new ArrayList<>();
                for (int i = 0; i < q.options().size(); i++) {
                    if (q.options().get(i).correct()) {
                        chosen.add(Integer.toString(i));
                    }
                }
                f.put("choice", String.join(",", chosen));
            }
            case TRUEFALSE -> f.put("choice", Boolean.TRUE.equals(q.answer()) ? "1" : "0");
            case SHORT -> f.put("text", q.answers().get(0).toUpperCase());
            case MATCHING -> {
                for (int i = 0; i < q.pairs().size(); i++) {
                    f.put("match" + i, Integer.toString(i));
                }
            }
        }
        return f;
    }

    static String field(String html, String name) {
        return match(Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\""), html);
    }

    static String match(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), p + " in\n" + html);
        return m.group(1);
    }

    /** Posts a learner's action as a browser form would; "choice" may hold several values, comma-separated. */
    static HttpResponse<String> act(Http browser, Map<String, String> fields) {
        String body = fields.entrySet().stream().flatMap(e -> "choice".equals(e.getKey())
                        ? java.util.Arrays.stream(e.getValue().split(",")).map(v -> Map.entry(e.getKey(), v))
                        : java.util.stream.Stream.of(e))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.postBytes("learn/act", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }
}
