package vn.hoctap.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mandatory programmes through the container: a programme for one agency is published and assigns
 * its staff; people who join, move out or had already completed a course are followed by the
 * sweep and the records; the compliance figures, the people list, the XLSX export and the
 * learner's "what I owe" are scoped to the officer's agency.
 */
@ExtendWith(ArquillianExtension.class)
class ProgrammeIT {

    static final String ADMIN_PASSWORD = "Admin-Test-2026";
    static final String AGENCY = "SYT";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    Http admin() {
        return new Http(URI.create(base.toString())).as("admin", ADMIN_PASSWORD);
    }

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    /** Creates a person (unit and position may be null) and answers {id, username, one-time password}. */
    String[] person(String name, String unit, String position, String email) {
        String username = "ct." + name.toLowerCase() + run;
        String body = """
                {"username":"%s","fullName":"Quàng Văn %s %s","phone":"09%d"%s%s}""".formatted(username, name, run,
                ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                unit == null ? "" : ",\"unitCode\":\"%s\",\"positionCode\":\"%s\"".formatted(unit, position),
                email == null ? "" : ",\"email\":\"%s\"".formatted(email));
        HttpResponse<String> r = admin().post("api/people", body);
        assertEquals(201, r.statusCode(), r.body());
        JsonObject created = Http.json(r);
        return new String[]{Integer.toString(created.getJsonObject("person").getInt("id")), username,
                created.getString("oneTimePassword")};
    }

    /** Signs in through the login page and sets a password: a browser with its session. */
    Http signIn(String[] person) {
        Http browser = new Http(URI.create(base.toString()));
        assertEquals(302, browser.submitForm("login.xhtml", "signin", Map.of("login", person[1], "password", person[2]), "submit")
                .statusCode());
        String chosen = "Hoc-Tap-Son-La-" + run;
        assertEquals(302, browser.submitForm("me/password.xhtml", "password", Map.of("current", person[2], "chosen", chosen,
                "chosenAgain", chosen), "submit").statusCode());
        return browser;
    }

    JsonObject compliance(Http who, String programme, String unit) {
        HttpResponse<String> r = who.get("api/programmes/" + programme + "/compliance" + (unit == null ? "" : "?unit=" + unit));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** Waits for the assignment sweep (every 2 s in the tests) to bring the figures where expected. */
    JsonObject await(String programme, Predicate<JsonObject> until) throws InterruptedException {
        JsonObject last = null;
        for (int i = 0; i < 40; i++) {
            last = compliance(admin(), programme, AGENCY);
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        fail("figures never became as expected: " + last);
        return last;
    }

    static int assigned(JsonObject c) {
        return c.getJsonObject("total").getInt("assigned");
    }

    String people(Http who, String programme, String query) {
        HttpResponse<String> r = who.get("api/programmes/" + programme + "/people?unit=" + AGENCY + query);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** An external xAPI client reports that the person with this e-mail completed the course. */
    HttpResponse<String> completed(String email, String course) {
        return new Http(URI.create(base.toString())).as("it-client", "it-xapi-secret-2026").postBytes("xapi/statements", """
                        {"actor":{"mbox":"mailto:%s"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                         "object":{"id":"http://localhost:8080/xapi/activities/courses/%s"},"result":{"completion":true}}"""
                        .formatted(email, course).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/json", "X-Experience-API-Version", "2.0.0");
    }

    @Test
    void anAgencyProgrammeFollowsItsStaffAndTheirRecords() throws Exception {
        String code = "it-" + run;
        String[] clerk = person("Clerk", "SYT-VP", "CV", "ct.clerk" + run + "@example.vn");
        String[] head = person("Head", "SYT-VP", "TP", null);
        String[] mover = person("Mover", "SYT-NVY", "CV", null);
        int year = LocalDate.now().getYear();
        String form = """
                {"code":"%s","name":"Bồi dưỡng bắt buộc %s","ownerUnitCode":"SONLA","courseCodes":["an-toan-thong-tin","ky-nang-so-co-ban"],
                 "requiredCount":1,"periodStart":"%d-01-01","periodEnd":"%d-12-31","deadline":"%d-12-30",
                 "units":[{"code":"%s","subunits":true}],"accountTypes":["STAFF"],"excludedPositionCodes":["TP"]}"""
                .formatted(code, run, year, year, year, AGENCY);
        HttpResponse<String> created = admin().post("api/programmes", form);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("DRAFT", Http.json(created).getString("status"));
        HttpResponse<String> bad = admin().post("api/programmes", form.replace(code, code + "x").replace("\"ky-nang-so-co-ban\"", "\"khong-co\""));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("khong-co"), bad.body());

        JsonObject published = Http.json(admin().post("api/programmes/" + code + "/publish", ""));
        int before = published.getInt("active");
        assertTrue(before >= 2, published.toString());
        String list = people(admin(), code, "&limit=1000");
        assertTrue(list.contains(clerk[1]) && list.contains(mover[1]), list);
        assertFalse(list.contains(head[1]), "heads of division are excluded by position");
        String found = people(admin(), code, "&q=" + java.net.URLEncoder.encode("quang van clerk " + run, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(found.contains(clerk[1]) && !found.contains(mover[1]), "found by name without diacritics: " + found);
        assertTrue(found.contains("\"total\":1"), found);

        // someone who already completed a course this year (statement from an external client), then joins the agency
        String email = "ct.ready" + run + "@example.vn";
        String[] ready = person("Ready", null, null, email);
        HttpResponse<String> stored = completed(email, "an-toan-thong-tin");
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(200, admin().post("api/people/" + ready[0] + "/posts", "{\"unitCode\":\"SYT-NVY\",\"positionCode\":\"CV\"}").statusCode());
        JsonObject joined = await(code, c -> assigned(c) == before + 1);
        assertTrue(joined.getJsonObject("total").getInt("completed") >= 1, joined.toString());
        assertTrue(people(admin(), code, "&status=COMPLETED").contains(ready[1]), "a completion before the assignment counts");

        // the mover takes a post in another agency and gives up this one: they leave the open assignment
        JsonObject moverNow = Http.json(admin().post("api/people/" + mover[0] + "/posts", "{\"unitCode\":\"SNV-VP\",\"positionCode\":\"CV\"}"));
        long oldPost = moverNow.getJsonArray("posts").stream().map(v -> (JsonObject) v)
                .filter(p -> p.getJsonObject("unit").getString("code").equals("SYT-NVY")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(200, admin().delete("api/people/" + mover[0] + "/posts/" + oldPost).statusCode());
        await(code, c -> assigned(c) == before);
        assertFalse(people(admin(), code, "&limit=1000").contains(mover[1]));

        // an officer of the agency (a head of division: not in the audience) sees its figures, and nothing beyond it
        String[] officer = person("Officer", "SYT-VP", "TP", null);
        assertEquals(200, admin().post("api/people/" + officer[0] + "/roles", "{\"role\":\"AGENCY_OFFICER\",\"scopeCode\":\"" + AGENCY + "\"}")
                .statusCode());
        Http officerBrowser = signIn(officer);
        JsonObject own = compliance(officerBrowser, code, null);
        assertEquals("Sở Y tế", own.getString("unitName"), "the officer lands on their agency");
        assertEquals(before, assigned(own));
        assertEquals(404, officerBrowser.get("api/programmes/" + code + "/compliance?unit=SNV").statusCode(), "other agencies are hidden");
        assertEquals(404, officerBrowser.get("api/programmes/" + code + "/compliance?unit=SONLA").statusCode(), "so is the province");

        String dashboard = officerBrowser.get("admin/compliance.xhtml?p=" + code).body();
        assertTrue(dashboard.contains("Bồi dưỡng bắt buộc " + run), dashboard);
        assertTrue(dashboard.contains("Quàng Văn Clerk " + run), "drill-down lists the people");
        HttpResponse<String> xlsx = officerBrowser.get("admin/compliance/export?p=" + code);
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        assertTrue(xlsx.body().startsWith("PK"), "an XLSX (zip) file");

        // the clerk completes a course (a statement from the records): the standing follows at once
        assertFalse(people(admin(), code, "&status=COMPLETED").contains(clerk[1]));
        assertEquals(200, completed("ct.clerk" + run + "@example.vn", "ky-nang-so-co-ban").statusCode());
        assertTrue(people(admin(), code, "&status=COMPLETED").contains(clerk[1]), "1 of 2 courses required: completed");

        // a frozen report keeps its figures while the live ones move on
        HttpResponse<String> freeze = admin().post("api/programmes/" + code + "/reports", "");
        assertEquals(200, freeze.statusCode(), freeze.body());
        JsonObject report = Http.json(freeze);
        assertEquals(64, report.getString("sha256").length());
        String reportPath = "api/programmes/" + code + "/reports/" + report.getInt("id") + "?unit=" + AGENCY;
        JsonObject frozen = Http.json(admin().get(reportPath));
        int frozenAssigned = assigned(frozen);
        assertEquals(assigned(compliance(admin(), code, AGENCY)), frozenAssigned);
        person("After", "SYT-VP", "CV", null);
        await(code, c -> assigned(c) == frozenAssigned + 1);
        assertEquals(frozenAssigned, assigned(Http.json(admin().get(reportPath))), "the frozen report does not move");
        assertEquals(frozen.getJsonObject("total"), Http.json(admin().get(reportPath)).getJsonObject("total"));
        HttpResponse<String> pdf = officerBrowser.get("admin/compliance/report?p=" + code + "&r=" + report.getInt("id") + "&format=pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
        assertTrue(officerBrowser.get("admin/compliance/report?p=" + code + "&r=" + report.getInt("id") + "&format=xlsx").body()
                .startsWith("PK"), "an XLSX");
        assertTrue(officerBrowser.get("admin/compliance.xhtml?p=" + code).body().contains("id=\"reportList\""));

        // next year's programme starts as a copy: same audience and courses, a year later, a draft
        HttpResponse<String> copied = admin().post("api/programmes/" + code + "/copy", "");
        assertEquals(201, copied.statusCode(), copied.body());
        JsonObject next = Http.json(copied);
        assertEquals(code + "-2", next.getString("code"));
        assertEquals("DRAFT", next.getString("status"));
        assertEquals((year + 1) + "-12-30", next.getString("deadline"));
        assertEquals(AGENCY, next.getJsonObject("rule").getJsonArray("units").getJsonObject(0).getString("code"));

        // the learner sees what they owe on their home page
        Http clerkBrowser = signIn(clerk);
        String home = clerkBrowser.get("me/").body();
        assertTrue(home.contains("Bồi dưỡng bắt buộc " + run), home);
        assertTrue(home.contains("An toàn thông tin và bảo vệ dữ liệu cá nhân"), "with the path to each course");
    }

    @Test
    void remindersDigestsAndEscalationsAreSentOnceInTheAppAndByMail() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            String code = "nhac-" + run;
            String[] a = person("Remind", "SGDDT-VP", "CV", "ct.remind" + run + "@example.vn");
            String[] b = person("Late", "SGDDT-TCCB", "CV", "ct.late" + run + "@example.vn");
            String[] officer = person("Lead", "SGDDT-VP", "TP", "ct.lead" + run + "@example.vn");
            assertEquals(200, admin().post("api/people/" + officer[0] + "/roles", "{\"role\":\"AGENCY_OFFICER\",\"scopeCode\":\"SGDDT\"}")
                    .statusCode());
            LocalDate deadline = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5);
            String form = """
                    {"code":"%s","name":"Nhắc hạn %s","ownerUnitCode":"SONLA","courseCodes":["an-toan-thong-tin"],
                     "periodStart":"%s","periodEnd":"%s","deadline":"%s","units":[{"code":"SGDDT","subunits":true}],
                     "accountTypes":["STAFF"],"excludedPositionCodes":["TP"]}"""
                    .formatted(code, run, deadline.minusDays(200), deadline.plusDays(30), deadline);
            assertEquals(201, admin().post("api/programmes", form).statusCode());
            assertEquals(200, admin().post("api/programmes/" + code + "/publish", "").statusCode());

            JsonObject first = runReminders();
            assertTrue(first.getInt("reminders") >= 2, first.toString());
            assertTrue(first.getInt("digests") >= 1, "the agency officer's weekly digest: " + first);
            assertTrue(first.getInt("escalations") >= 1, "5 days left at 0%: the province hears of it: " + first);
            JsonObject second = runReminders();
            assertEquals(0, second.getInt("reminders") + second.getInt("overdue") + second.getInt("digests")
                    + second.getInt("escalations"), "a second run sends nothing again: " + second);
            assertEquals(403, signIn(a).post("api/programmes/reminders/run", "").statusCode(), "only province administrators");

            String mailA = "ct.remind" + run + "@example.vn";
            String mailLead = "ct.lead" + run + "@example.vn";
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until && (to(smtp, mailA).isEmpty() || to(smtp, mailLead).isEmpty())) {
                Thread.sleep(500);
            }
            Thread.sleep(3_000); // a duplicate would arrive within the next mail ticks
            List<MimeMessage> toA = to(smtp, mailA);
            assertEquals(1, toA.size(), "one reminder e-mail");
            assertEquals("Nhắc hạn: Nhắc hạn " + run, toA.get(0).getSubject());
            String body = GreenMailUtil.getBody(toA.get(0));
            assertTrue(javax(body).contains("còn 5 ngày") && javax(body).contains("An toàn thông tin"), javax(body));
            List<MimeMessage> toLead = to(smtp, mailLead);
            assertEquals(1, toLead.size(), "one digest to the officer");
            assertTrue(toLead.get(0).getSubject().startsWith("Tổng hợp tuần"), toLead.get(0).getSubject());
            assertTrue(to(smtp, "ct.late" + run + "@example.vn").size() == 1);

            Http learner = signIn(b);
            assertTrue(learner.get("me/").body().contains("id=\"noticesLink\""));
            String notices = learner.get("me/notifications.xhtml").body();
            assertTrue(notices.contains("Nhắc hạn: Nhắc hạn " + run), notices);
        } finally {
            smtp.stop();
        }
    }

    JsonObject runReminders() {
        HttpResponse<String> r = admin().post("api/programmes/reminders/run", "");
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static List<MimeMessage> to(GreenMail smtp, String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                found.add(m);
            }
        }
        return found;
    }

    /** The text of a quoted-printable UTF-8 body. */
    static String javax(String body) throws Exception {
        return new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(
                body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "quoted-printable").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
