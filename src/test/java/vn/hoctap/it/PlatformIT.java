package vn.hoctap.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform as it runs: the real WAR on Payara Micro against MariaDB. Health, light pages,
 * sign-in, registration, scoped roles by page and by API, the staff import, throttling, audit.
 * Each test makes its own data (random codes), so the order does not matter.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    static final String ADMIN_PASSWORD = "Admin-Test-2026";

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

    static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    static String phone() {
        return "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    /** Creates a person through the API as admin; answers [id, one-time password]. */
    String[] createPerson(String username, String unitCode, String positionCode) {
        HttpResponse<String> r = admin().post("api/people", """
                {"username":"%s","fullName":"Người Thử %s","phone":"%s","unitCode":"%s","positionCode":"%s"}"""
                .formatted(username, username, phone(), unitCode, positionCode));
        assertEquals(201, r.statusCode(), r.body());
        JsonObject created = Http.json(r);
        return new String[] {Integer.toString(created.getJsonObject("person").getInt("id")),
                created.getString("oneTimePassword")};
    }

    @Test
    void healthSaysReadyWithTheDatabaseAndLive() {
        HttpResponse<String> ready = anonymous().get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""));
        assertEquals(200, anonymous().get("health/live").statusCode());
    }

    @Test
    void theHomePageIsVietnameseLightAndStartsNoSession() {
        HttpResponse<String> home = anonymous().get("", "Accept-Encoding", "identity");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("lang=\"vi\""));
        assertTrue(home.body().contains("Học tập suốt đời"));
        assertTrue(home.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "visitors get no session");
        assertFalse(home.body().contains("jsessionid"));
        assertTrue(home.body().length() < 20_000, "the home page HTML stays small");

        String css = home.body().replaceAll("(?s).*href=\"(/static/css/app\\.css\\?v=[0-9a-f]+)\".*", "$1");
        HttpResponse<String> style = anonymous().get(css.substring(1), "Accept-Encoding", "gzip");
        assertEquals(200, style.statusCode());
        assertEquals("public, max-age=31536000, immutable", style.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("gzip", style.headers().firstValue("Content-Encoding").orElse(""), "compressed on the wire");
    }

    @Test
    void englishIsOneClickAway() {
        Http browser = anonymous();
        HttpResponse<String> switched = browser.get("lang?to=en&back=%2Flogin.xhtml");
        assertEquals(302, switched.statusCode());
        assertTrue(switched.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
        assertTrue(browser.get("login.xhtml").body().contains("Username or phone number"));
    }

    @Test
    void unknownAddressesGetAVietnamese404Page() {
        HttpResponse<String> r = anonymous().get("khong-co-trang-nay.xhtml");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("Không tìm thấy trang"), r.body());
        assertFalse(r.body().contains("Exception"));
    }

    @Test
    void protectedPagesAskForSignInAndTheApiForCredentials() {
        HttpResponse<String> page = anonymous().get("admin/people.xhtml");
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/login.xhtml?next=%2Fadmin%2Fpeople.xhtml"));
        HttpResponse<String> api = anonymous().get("api/people");
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, anonymous().as("admin", "wrong").get("api/me").statusCode());
    }

    @Test
    void theDemoOrganisationIsThereWithTheFourLearningCityWards() {
        JsonArray units = (JsonArray) Http.jsonValue(admin().get("api/org-units"));
        long learningCity = units.getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getBoolean("learningCity")).map(u -> u.getString("name")).filter(n ->
                        n.equals("Phường Tô Hiệu") || n.equals("Phường Chiềng Cơi") || n.equals("Phường Chiềng An")
                                || n.equals("Phường Chiềng Sinh")).count();
        assertEquals(4, learningCity);
        assertTrue(units.size() > 40);
    }

    @Test
    void anOfficerOfOneAgencyCannotSeeOrChangeAnotherAgencysPeople() {
        String s = suffix();
        String[] officerA = createPerson("officer.a" + s, "SNV-VP", "CV");
        String[] officerB = createPerson("officer.b" + s, "SKHCN-VP", "CV");
        assertEquals(200, admin().post("api/people/" + officerA[0] + "/roles",
                "{\"role\":\"AGENCY_OFFICER\",\"scopeCode\":\"SNV\"}").statusCode());
        assertEquals(200, admin().post("api/people/" + officerB[0] + "/roles",
                "{\"role\":\"AGENCY_OFFICER\",\"scopeCode\":\"SKHCN\"}").statusCode());
        String[] staffA = createPerson("staff.a" + s, "SNV-CCVC", "CV");
        String[] staffB = createPerson("staff.b" + s, "SKHCN-CDS", "CV");
        Http a = anonymous().as("officer.a" + s, officerA[1]);

        JsonObject list = Http.json(a.get("api/people?q=staff." + "a" + s));
        assertEquals(1, list.getInt("total"), list.toString());
        assertEquals(0, Http.json(a.get("api/people?q=staff.b" + s)).getInt("total"), "B's people are invisible");
        assertEquals(200, a.get("api/people/" + staffA[0]).statusCode());
        assertEquals(404, a.get("api/people/" + staffB[0]).statusCode(), "by URL too");
        assertEquals(404, a.post("api/people/" + staffB[0] + "/disable", "").statusCode());
        assertEquals(404, a.put("api/people/" + staffB[0], "{\"version\":1,\"fullName\":\"Đổi Tên\"}").statusCode());
        assertEquals(404, a.post("api/people/" + staffB[0] + "/password-reset", "").statusCode());

        HttpResponse<String> outside = a.post("api/people", """
                {"username":"x%s","fullName":"Người Ngoài","unitCode":"SKHCN-VP","positionCode":"CV"}""".formatted(s));
        assertEquals(400, outside.statusCode());
        assertTrue(outside.body().contains("phạm vi"), outside.body());
        assertEquals(400, a.post("api/people/" + staffA[0] + "/roles",
                "{\"role\":\"ADMIN\",\"scopeCode\":\"SNV\"}").statusCode(), "officers cannot make administrators");
        assertEquals(400, a.post("api/people/" + staffA[0] + "/posts",
                "{\"unitCode\":\"SKHCN-VP\",\"positionCode\":\"CV\"}").statusCode(), "nor move people out of scope");
        assertEquals(200, a.post("api/people/" + staffA[0] + "/disable", "").statusCode());

        // The pages obey the same rules: officer A's session cannot open B's person page.
        Http browserA = anonymous();
        signIn(browserA, "officer.a" + s, officerA[1]);
        choosePassword(browserA, officerA[1], "Ban-Sao-Son-La-1");
        assertEquals(200, browserA.get("admin/person.xhtml?id=" + staffA[0]).statusCode());
        assertEquals(404, browserA.get("admin/person.xhtml?id=" + staffB[0]).statusCode());
        String people = browserA.get("admin/people.xhtml").body();
        assertTrue(people.contains("staff.a" + s));
        assertFalse(people.contains("staff.b" + s));

        // A learner without any role manages nobody.
        assertEquals(403, anonymous().as("staff.b" + s, staffB[1]).get("api/people").statusCode());
        assertEquals(403, signInStatus(anonymous(), "staff.b" + s, staffB[1], "admin/"), "no staff pages for learners");
    }

    void signIn(Http browser, String login, String password) {
        HttpResponse<String> r = browser.submitForm("login.xhtml", "signin",
                Map.of("login", login, "password", password), "submit");
        assertEquals(302, r.statusCode(), r.body());
    }

    void choosePassword(Http browser, String current, String chosen) {
        HttpResponse<String> r = browser.submitForm("me/password.xhtml", "password",
                Map.of("current", current, "chosen", chosen, "chosenAgain", chosen), "submit");
        assertEquals(302, r.statusCode(), r.body());
    }

    int signInStatus(Http browser, String login, String password, String then) {
        signIn(browser, login, password);
        return browser.get(then).statusCode();
    }

    @Test
    void aResidentRegistersWithAPhoneAndSignsInWithIt() {
        String phone = phone();
        Http browser = anonymous();
        String ward = browser.get("register.xhtml").body()
                .replaceAll("(?s).*<option value=\"(\\d+)\">Phường Chiềng Cơi</option>.*", "$1");
        HttpResponse<String> r = browser.submitForm("register.xhtml", "register", Map.of(
                "fullName", "Lò Thị Hoa", "phone", phone.substring(0, 4) + " " + phone.substring(4),
                "homeUnit", ward, "password", "Hoa-ban-trang-2026", "passwordAgain", "Hoa-ban-trang-2026"), "submit");
        assertEquals(302, r.statusCode(), r.body());
        HttpResponse<String> home = browser.get("me/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Lò Thị Hoa"));
        assertTrue(home.body().contains("Phường Chiềng Cơi"));

        JsonObject me = Http.json(anonymous().as("+84" + phone.substring(1), "Hoa-ban-trang-2026").get("api/me"));
        assertEquals("RESIDENT", me.getString("type"));
        assertEquals(phone, me.getString("phone"));

        HttpResponse<String> again = anonymous().submitForm("register.xhtml", "register", Map.of(
                "fullName", "Người Khác", "phone", phone, "homeUnit", ward,
                "password", "Mat-khau-khac-9", "passwordAgain", "Mat-khau-khac-9"), "submit");
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("đã được đăng ký"), "a phone registers once");
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() {
        String s = suffix();
        String[] person = createPerson("throttle" + s, "STC-VP", "CV");
        Http script = anonymous();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, script.as("throttle" + s, "wrong-" + i).get("api/me").statusCode());
        }
        HttpResponse<String> locked = script.as("throttle" + s, person[1]).get("api/me");
        assertEquals(429, locked.statusCode(), "even the right password waits");
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElse("0")) > 0);
        HttpResponse<String> page = anonymous().submitForm("login.xhtml", "signin",
                Map.of("login", "throttle" + s, "password", person[1]), "submit");
        assertTrue(page.body().contains("quá nhiều lần"), "the page explains it in Vietnamese");
    }

    @Test
    void aOneTimePasswordMustBeReplacedAtFirstSignIn() {
        String s = suffix();
        String[] person = createPerson("first" + s, "SYT-VP", "CV");
        Http browser = anonymous();
        signIn(browser, "first" + s, person[1]);
        HttpResponse<String> home = browser.get("me/");
        assertEquals(302, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/me/password.xhtml"));
        choosePassword(browser, person[1], "Cao-nguyen-Moc-Chau");
        assertEquals(200, browser.get("me/").statusCode());
        assertEquals(401, anonymous().as("first" + s, person[1]).get("api/me").statusCode(), "the old one is gone");
    }

    @Test
    void theStaffImportChecksEveryRowWritesAllOrNothingAndReimportsWithoutDuplicates() {
        String s = suffix();
        String csv = "Mã cán bộ,Họ và tên,Số điện thoại,Mã đơn vị,Mã vị trí việc làm,Kiêm nhiệm\n"
                + "IT" + s + "-1,Hà Văn Một,,SGDDT-VP,CV,\n"
                + "IT" + s + "-2,Cầm Thị Hai," + phone() + ",SGDDT-TCCB,CVC,SGDDT-VP/KT\n"
                + "IT" + s + "-3,Lường Văn Ba,12345,SGDDT-VP,CV,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> broken = admin().postBytes("api/imports/staff?commit=true", bytes,
                "Content-Type", "text/csv", "X-File-Name", "ds.csv");
        assertEquals(400, broken.statusCode());
        JsonObject preview = Http.json(broken);
        assertEquals(4, preview.getJsonArray("problems").getJsonObject(0).getInt("row"));
        assertTrue(preview.getJsonArray("problems").getJsonObject(0).getString("message").contains("12345"));
        assertEquals(0, Http.json(admin().get("api/people?q=IT" + s)).getInt("total"), "nothing written");

        byte[] fixed = csv.replace(",12345,", ",,").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> done = admin().postBytes("api/imports/staff?commit=true", fixed,
                "Content-Type", "text/csv", "X-File-Name", "ds.csv");
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(3, Http.json(done).getInt("created"));
        assertEquals(3, Http.json(done).getJsonArray("credentials").size());
        JsonObject two = Http.json(admin().get("api/people?q=IT" + s + "-2")).getJsonArray("items").getJsonObject(0);
        assertEquals(2, two.getJsonArray("posts").size(), "main post plus the concurrent one");

        JsonObject again = Http.json(admin().postBytes("api/imports/staff?commit=true", fixed,
                "Content-Type", "text/csv", "X-File-Name", "ds.csv"));
        assertEquals(0, again.getInt("created"));
        assertEquals(3, again.getInt("unchanged"));
        assertEquals(3, Http.json(admin().get("api/people?q=IT" + s)).getInt("total"), "no duplicates");

        HttpResponse<String> fake = admin().postBytes("api/imports/staff", "not a workbook".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/octet-stream", "X-File-Name", "ds.xlsx");
        assertEquals(400, fake.statusCode());
        assertTrue(fake.body().contains("không phải bảng tính"), fake.body());
    }

    @Test
    void administrativeChangesLeaveAnAuditTrail() {
        String s = suffix();
        String[] person = createPerson("audited" + s, "STP-VP", "CV");
        assertEquals(200, admin().post("api/people/" + person[0] + "/disable", "").statusCode());
        Http browser = anonymous();
        signIn(browser, "admin", ADMIN_PASSWORD);
        String log = browser.get("admin/audit.xhtml?target=" + person[0]).body();
        assertTrue(log.contains("Khóa tài khoản"), "the disable is logged");
        assertTrue(log.contains("Tạo tài khoản"), "and the creation");
        assertNotNull(log);
    }
}
