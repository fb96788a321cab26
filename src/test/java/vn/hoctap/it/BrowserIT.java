package vn.hoctap.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Journeys a person would notice breaking, in headless Chromium: a resident registers, signs out
 * and signs in again with their phone; an administrator imports staff from a spreadsheet; an author
 * writes a course in the editor and publishes it.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static WebDriver driver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void open(String path) {
        driver.get(base.toString() + path);
    }

    @Test
    void aResidentRegistersSignsOutAndSignsInWithTheirPhone() {
        driver.manage().deleteAllCookies();
        String phone = "03" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        open("register.xhtml");
        driver.findElement(By.id("fullName")).sendKeys("Quàng Văn Minh");
        driver.findElement(By.id("phone")).sendKeys(phone);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("homeUnit"))).selectByVisibleText("Phường Tô Hiệu");
        driver.findElement(By.id("password")).sendKeys("Suoi-Nam-La-2026");
        driver.findElement(By.id("passwordAgain")).sendKeys("Suoi-Nam-La-2026");
        driver.findElement(By.id("submit")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/me/"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Quàng Văn Minh"));
        assertTrue(driver.getPageSource().contains("Phường Tô Hiệu"));

        driver.findElement(By.cssSelector("form[action$='/signout'] button")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("signedOut"));

        open("me/");
        waitUpTo(20).until(ExpectedConditions.urlContains("login.xhtml"));
        driver.findElement(By.id("login")).sendKeys(phone.substring(0, 4) + " " + phone.substring(4));
        driver.findElement(By.id("password")).sendKeys("Suoi-Nam-La-2026");
        driver.findElement(By.id("submit")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/me/"));
        assertEquals("Học tập của tôi · Học tập Sơn La", driver.getTitle());
        assertTrue(driver.findElement(By.id("owed")).isDisplayed(), "the learner home explains what will appear");
    }

    @Test
    void anAuthorUploadsWithProgressPublishesAndFindsItHighlighted() throws Exception {
        signInAsAdmin();
        String marker = "Sonca" + ThreadLocalRandom.current().nextInt(1000, 9999);
        Path pdf = vn.hoctap.library.ingest.TestFiles.pdf(Files.createTempDirectory("up"), "Kỹ thuật trồng mận hậu.pdf",
                "Ky thuat trong man hau o Moc Chau", marker);
        open("author/");
        driver.findElement(By.id("files")).sendKeys(pdf.toString());
        waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".upload li.done")));
        assertEquals("1", driver.findElement(By.cssSelector(".upload li.done progress")).getAttribute("value"));
        assertTrue(driver.findElement(By.cssSelector(".upload li.done .status")).getText().contains("Đã tải lên"));
        driver.findElement(By.cssSelector(".upload li.done .status a")).click();

        waitUpTo(20).until(ExpectedConditions.urlContains("/author/edit.xhtml"));
        driver.findElement(By.id("title")).clear();
        driver.findElement(By.id("title")).sendKeys("Kỹ thuật trồng mận hậu " + marker);
        driver.findElement(By.id("subjects")).sendKeys("nông nghiệp, cây ăn quả");
        driver.findElement(By.id("saveSubmit")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/library/material.xhtml"));
        driver.findElement(By.id("publish")).click();
        waitUpTo(20).until(ExpectedConditions.textToBe(By.id("status"), "Đã xuất bản"));

        for (int i = 0; i < 30; i++) {
            open("library/?q=ky+thuat+trong+man+hau+" + marker.toLowerCase());
            if (!driver.findElements(By.cssSelector(".hits mark")).isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(driver.findElement(By.cssSelector(".hits h3")).getText().contains(marker));
        assertTrue(driver.findElement(By.cssSelector(".hits")).getAttribute("innerHTML").contains("<mark>"),
                "found without diacritics, highlighted");
    }

    void signInAsAdmin() {
        driver.manage().deleteAllCookies();
        open("login.xhtml");
        driver.findElement(By.id("login")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(PlatformIT.ADMIN_PASSWORD);
        driver.findElement(By.id("submit")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/me/"));
    }

    @Test
    void anAuthorWritesACourseInTheEditorReordersItAndPublishesIt() throws Exception {
        // A published handout in the library, for a material lesson pinned to its first version.
        Http api = new Http(java.net.URI.create(base.toString())).as("admin", PlatformIT.ADMIN_PASSWORD);
        String marker = "Camnang" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        long material = LibraryIT.upload(api, "cam-nang-" + marker + ".txt",
                ("Cẩm nang " + marker + ": không bấm đường dẫn lạ.").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getInt("materialId");
        LibraryIT.awaitExtraction(api, material);
        assertEquals(200, api.put("api/materials/" + material, """
                {"version":%d,"title":"Cẩm nang %s","audience":"EVERYONE","language":"vi","licence":"CC0"}"""
                .formatted(Http.json(api.get("api/materials/" + material)).getInt("version"), marker)).statusCode());
        assertEquals(200, api.post("api/materials/" + material + "/publish", "").statusCode());
        for (int i = 0; i < 40 && Http.json(api.get("api/materials?q=" + marker.toLowerCase())).getInt("total") == 0; i++) {
            Thread.sleep(250);
        }
        signInAsAdmin();
        String code = "lua-dao-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        open("author/courses.xhtml");
        driver.findElement(By.id("newCode")).sendKeys(code);
        driver.findElement(By.id("newTitle")).sendKeys("Phòng chống lừa đảo qua mạng");
        driver.findElement(By.id("create")).click();
        waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("edLessonTitle")));

        driver.findElement(By.cssSelector(".ed-module-title")).sendKeys("Nhận diện lừa đảo");
        driver.findElement(By.id("edLessonTitle")).sendKeys("Tin nhắn giả mạo");
        WebElement text = driver.findElement(By.id("edText"));
        text.click();
        text.sendKeys("Không bấm vào đường dẫn lạ trong tin nhắn.");
        driver.findElement(By.id("addLesson0")).click();
        driver.findElement(By.id("edLessonTitle")).sendKeys("Kiểm tra cuối khóa");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("edKind"))).selectByValue("QUIZ");
        // The quiz goes up, then back down, with the buttons (what a keyboard or a phone uses instead of dragging).
        driver.findElement(By.cssSelector(".ed-lessons li:nth-child(2) button[aria-label='Lên']")).click();
        assertTrue(driver.findElement(By.cssSelector(".ed-lessons li:nth-child(1) .ed-lesson-pick")).getText().startsWith("Kiểm tra cuối khóa"));
        driver.findElement(By.cssSelector(".ed-lessons li:nth-child(1) button[aria-label='Xuống']")).click();
        assertTrue(driver.findElement(By.cssSelector(".ed-lessons li:nth-child(1) .ed-lesson-pick")).getText().startsWith("Tin nhắn giả mạo"));

        // A material lesson: found by search, pinned to version 1.
        driver.findElement(By.id("addLesson0")).click();
        driver.findElement(By.id("edLessonTitle")).sendKeys("Đọc cẩm nang");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("edKind"))).selectByValue("MATERIAL");
        driver.findElement(By.id("edMaterialQ")).sendKeys(marker);
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ed-results button"))).click();
        WebElement pin = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("edMaterialVersion")));
        assertTrue(driver.findElement(By.id("edMaterialChosen")).getText().contains("Cẩm nang " + marker));
        new org.openqa.selenium.support.ui.Select(pin).selectByValue("1");

        driver.findElement(By.id("tab-facts")).click();
        driver.findElement(By.id("edTopic")).sendKeys("Kỹ năng số");
        driver.findElement(By.id("tab-questions")).click();
        driver.findElement(By.id("addQuestion")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector(".ed-question select"))).selectByValue("TRUEFALSE");
        driver.findElement(By.cssSelector(".ed-question textarea.prompt")).sendKeys("Ngân hàng có thể nhắn tin xin mã OTP của bạn.");
        driver.findElements(By.cssSelector(".ed-question input[type=radio]")).get(1).click();
        // Saved by itself a moment after the last change, and checked: nothing left to fix.
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("edProblems"), "Sẵn sàng công bố"));
        assertTrue(driver.findElement(By.id("edStatus")).getText().startsWith("Đã lưu bản nháp"));

        driver.findElement(By.id("edPublish")).click();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("edNotice"), "Đã công bố"));
        open("courses/course.xhtml?c=" + code);
        String page = driver.findElement(By.tagName("main")).getText();
        assertTrue(page.indexOf("Tin nhắn giả mạo") < page.indexOf("Kiểm tra cuối khóa") && page.contains("Nhận diện lừa đảo"), page);
        jakarta.json.JsonObject handout = Http.json(api.get("api/courses/" + code)).getJsonArray("modules").getJsonObject(0)
                .getJsonArray("lessons").getJsonObject(2);
        assertEquals(material, handout.getInt("materialId"));
        assertEquals(1, handout.getInt("materialVersion"), "pinned in the editor");
    }

    @Test
    void anAdministratorImportsStaffFromASpreadsheet() throws Exception {
        signInAsAdmin();

        String s = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        StringBuilder csv = new StringBuilder("Mã cán bộ,Họ và tên,Mã đơn vị,Mã vị trí việc làm\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("BR").append(s).append('-').append(i).append(",Cán Bộ Thử ").append(i).append(",SNNMT-KN,KN-VIEN\n");
        }
        Path file = Files.createTempFile("can-bo-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        open("admin/import.xhtml");
        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("count-new"), "30"));
        driver.findElement(By.id("import:start")).click();
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("result-counts")));
        assertTrue(driver.findElement(By.id("result-counts")).getText().contains("30"));
        assertTrue(driver.findElement(By.id("import:credentials")).isDisplayed(), "one-time passwords to hand out");

        open("admin/people.xhtml");
        driver.findElement(By.id("people:text")).sendKeys("BR" + s);
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("people:table"), "30"));

        // The same file again updates nothing and duplicates nobody.
        open("admin/import.xhtml");
        driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("count-unchanged"), "30"));
        assertEquals("0", driver.findElement(By.id("count-new")).getText());
    }

    @Test
    void staffAddOutsideTrainingAndTheRecordAndItsPdfShowIt() throws Exception {
        Http admin = new Http(java.net.URI.create(base.toString())).as("admin", PlatformIT.ADMIN_PASSWORD);
        String s = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        jakarta.json.JsonObject created = Http.json(admin.post("api/people", """
                {"username":"hoso%s","fullName":"Cầm Thị Hồ Sơ %s","unitCode":"STC-VP","positionCode":"CV"}""".formatted(s, s)));
        long person = created.getJsonObject("person").getInt("id");
        // a course completed through a content package, reported by an xAPI client
        String statement = """
                {"actor":{"objectType":"Agent","account":{"homePage":"http://localhost:8080","name":"%d"}},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"id":"http://localhost:8080/xapi/activities/courses/attt-%s","definition":{
                   "name":{"vi":"An toàn thông tin cơ bản %s"},"type":"http://adlnet.gov/expapi/activities/course"}},
                 "result":{"success":true,"completion":true,"score":{"scaled":0.9},
                   "extensions":{"https://w3id.org/hoctap/xapi/extensions/credited-minutes":240}},
                 "context":{"extensions":{"https://w3id.org/hoctap/xapi/extensions/topic":"An toàn thông tin"}}}
                """.formatted(person, s, s);
        java.net.http.HttpResponse<String> posted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "xapi/statements"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "it-client:it-xapi-secret-2026".getBytes(StandardCharsets.UTF_8)))
                        .header("X-Experience-API-Version", "2.0.0").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(statement)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());

        signInAsAdmin();
        open("admin/external-learning.xhtml?person=" + person);
        driver.findElement(By.id("external:save")).click(); // nothing filled in: told what is missing, nothing saved
        assertTrue(driver.findElement(By.className("messages")).getText().contains("Vui lòng nhập tên khóa học"));
        Path certificate = vn.hoctap.library.ingest.TestFiles.pdf(Files.createTempDirectory("cert"), "chung-chi.pdf",
                "Giay chung nhan", "Boi duong quoc phong an ninh");
        driver.findElement(By.id("external:title")).sendKeys("Bồi dưỡng kiến thức quốc phòng và an ninh " + s);
        driver.findElement(By.id("external:provider")).sendKeys("Trường Chính trị tỉnh Sơn La");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('external:completedOn').value = '2026-06-15'");
        driver.findElement(By.id("external:hours")).sendKeys("24");
        driver.findElement(By.id("external:certificate")).sendKeys(certificate.toString());
        driver.findElement(By.id("external:save")).click();

        waitUpTo(20).until(ExpectedConditions.urlContains("/admin/record.xhtml"));
        String page = driver.findElement(By.className("record")).getText();
        assertTrue(page.contains("Bồi dưỡng kiến thức quốc phòng và an ninh " + s), page);
        assertTrue(page.contains("do cán bộ nhập"), page);
        assertTrue(page.contains("An toàn thông tin cơ bản " + s), "the xAPI statement is in the record");
        assertTrue(page.contains("Đạt · 90%"), page);
        assertEquals("28", driver.findElement(By.id("totalHours")).getText(), "24 hours entered + 4 credited");
        assertTrue(driver.findElement(By.cssSelector(".certificates a")).getText().contains("quốc phòng"));

        // the PDF transcript, downloaded with the browser's session, in Vietnamese
        java.net.http.HttpResponse<byte[]> pdf = download(driver.findElement(By.id("downloadPdf")).getAttribute("href"));
        assertEquals(200, pdf.statusCode(), "redirected to " + pdf.headers().firstValue("Location").orElse("?")
                + " with cookies " + driver.manage().getCookies());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains(".pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("BẢNG TỔNG HỢP QUÁ TRÌNH HỌC TẬP"), text);
            assertTrue(text.contains("Cầm Thị Hồ Sơ " + s), text);
            assertTrue(text.contains("Bồi dưỡng kiến thức quốc phòng và an ninh " + s), text);
            assertTrue(text.contains("Trường Chính trị tỉnh Sơn La"), text);
        }
    }

    @Test
    void aResidentTakesAWholeCourseOnAPhoneEvenAcrossAReloadMidQuiz() throws Exception {
        String code = "dien-thoai-an-toan";
        vn.hoctap.catalog.CourseDefinition course = CourseIT.shipped(code);
        java.util.Map<String, vn.hoctap.assessment.Question> bank = course.questions().stream()
                .collect(java.util.stream.Collectors.toMap(vn.hoctap.assessment.Question::prompt, q -> q));
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 780));
        try {
            String phone = "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
            open("register.xhtml");
            driver.findElement(By.id("fullName")).sendKeys("Mùa A Dơ");
            driver.findElement(By.id("phone")).sendKeys(phone);
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("homeUnit"))).selectByVisibleText("Phường Chiềng An");
            driver.findElement(By.id("password")).sendKeys("Nam-La-Chieng-An-1");
            driver.findElement(By.id("passwordAgain")).sendKeys("Nam-La-Chieng-An-1");
            driver.findElement(By.id("submit")).click();
            waitUpTo(10).until(ExpectedConditions.urlContains("/me/"));

            open("courses/?q=dien+thoai");
            driver.findElement(By.linkText(course.title())).click();
            driver.findElement(By.id("enrol")).click();
            // Every lesson in turn: "done" takes the learner to the next one.
            for (vn.hoctap.catalog.CourseDefinition.Lesson lesson : course.lessons()) {
                waitUpTo(10).until(ExpectedConditions.textToBe(By.tagName("h1"), lesson.title()));
                if (lesson.kind() == vn.hoctap.catalog.LessonKind.QUIZ) {
                    break;
                }
                driver.findElement(By.id("markDone")).click();
            }
            driver.findElement(By.id("startQuiz")).click();
            waitUpTo(10).until(ExpectedConditions.urlContains("/learn/quiz.xhtml"));
            boolean reloaded = false;
            while (true) {
                vn.hoctap.assessment.Question q = bank.get(driver.findElement(By.id("prompt")).getText().strip());
                assertNotNull(q, "the question shown is from the bank");
                answerInBrowser(q);
                if (!reloaded && q.type() == vn.hoctap.assessment.QuestionType.SINGLE) {
                    // The page saves the answer on change; the connection "drops": reload, it is still there.
                    waitUpTo(10).until(d -> d.findElement(By.id("saved")).getText().contains("Đã lưu"));
                    driver.navigate().refresh();
                    assertEquals(1, driver.findElements(By.cssSelector("input[name=choice]:checked")).size(),
                            "the saved answer survives a reload");
                    reloaded = true;
                }
                List<WebElement> submit = driver.findElements(By.id("submitQuiz"));
                if (!submit.isEmpty()) {
                    submit.get(0).click();
                    driver.switchTo().alert().accept();
                    break;
                }
                String current = driver.findElement(By.id("prompt")).getText();
                driver.findElement(By.id("next")).click();
                waitUpTo(10).until(d -> {
                    try {
                        return !d.findElement(By.id("prompt")).getText().equals(current);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        return false; // the page is being replaced (stale element, or a node no longer in the document)
                    }
                });
            }
            assertTrue(reloaded, "a single-choice question was drawn");
            waitUpTo(10).until(ExpectedConditions.urlContains("/learn/result.xhtml"));
            assertTrue(driver.findElement(By.id("outcome")).getText().contains("Đạt"));
            driver.findElement(By.id("backToCourse")).click();
            waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("courseActions")));
            assertTrue(driver.findElement(By.id("courseActions")).getText().contains("100%"));
            driver.findElement(By.linkText("Trang xác minh chứng nhận")).click();
            waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
            assertTrue(driver.findElement(By.id("verdict")).getText().contains("Giấy chứng nhận hợp lệ"));
            assertEquals("Mùa A Dơ", driver.findElement(By.id("person")).getText());
            Long width = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth");
            assertTrue(width <= 360, "nothing wider than the phone: " + width);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    /** Gives the right answer the way a person would: clicks, typing, choosing from lists. */
    void answerInBrowser(vn.hoctap.assessment.Question q) {
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                for (int i = 0; i < q.options().size(); i++) {
                    if (q.options().get(i).correct()) {
                        driver.findElement(By.cssSelector("input[name=choice][value='" + i + "']")).click();
                    }
                }
            }
            case TRUEFALSE -> driver.findElement(By.cssSelector("input[name=choice][value='"
                    + (Boolean.TRUE.equals(q.answer()) ? 1 : 0) + "']")).click();
            case SHORT -> driver.findElement(By.id("text")).sendKeys(vn.hoctap.shared.Text.fold(q.answers().get(0)));
            case MATCHING -> {
                for (int i = 0; i < q.pairs().size(); i++) {
                    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("match" + i))).selectByValue(Integer.toString(i));
                }
            }
        }
    }

    @Test
    void anAgencyOfficerDrillsDownFromTheDashboardToPeopleAndExportsThem() throws Exception {
        String s = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        Http admin = new Http(java.net.URI.create(base.toString())).as("admin", PlatformIT.ADMIN_PASSWORD);
        String[] done = created(admin.post("api/people", """
                {"username":"bt.done%s","fullName":"Mùa A Xong %s","phone":"091%s1","email":"bt.done%s@example.vn",
                 "unitCode":"SNNMT-KN","positionCode":"CV-ATTT"}""".formatted(s, s, s, s)));
        String[] owing = created(admin.post("api/people", """
                {"username":"bt.owing%s","fullName":"Giàng Thị Chưa %s","phone":"091%s2","unitCode":"SNNMT-KN","positionCode":"CV-ATTT"}"""
                .formatted(s, s, s)));
        String[] officer = created(admin.post("api/people", """
                {"username":"bt.officer%s","fullName":"Lò Văn Cán Bộ %s","phone":"091%s3","unitCode":"SNNMT-VP","positionCode":"TP"}"""
                .formatted(s, s, s)));
        assertEquals(200, admin.post("api/people/" + officer[0] + "/roles", "{\"role\":\"AGENCY_OFFICER\",\"scopeCode\":\"SNNMT\"}")
                .statusCode());
        int year = java.time.LocalDate.now().getYear();
        String code = "bt-" + s;
        assertEquals(201, admin.post("api/programmes", """
                {"code":"%s","name":"Kỹ năng số %s","ownerUnitCode":"SONLA","courseCodes":["ky-nang-so-co-ban"],
                 "periodStart":"%d-01-01","periodEnd":"%d-12-31","deadline":"%d-12-30",
                 "units":[{"code":"SNNMT","subunits":true}],"positionCodes":["CV-ATTT"]}"""
                .formatted(code, s, year, year, year)).statusCode());
        assertEquals(200, admin.post("api/programmes/" + code + "/publish", "").statusCode());
        java.net.http.HttpResponse<String> stored = new Http(java.net.URI.create(base.toString()))
                .as("it-client", "it-xapi-secret-2026").postBytes("xapi/statements", """
                        {"actor":{"mbox":"mailto:bt.done%s@example.vn"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},
                         "object":{"id":"http://localhost:8080/xapi/activities/courses/ky-nang-so-co-ban"}}"""
                        .formatted(s).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/json", "X-Experience-API-Version", "2.0.0");
        assertEquals(200, stored.statusCode(), stored.body());

        // the officer signs in for the first time, sets a password, and finds the programme
        driver.manage().deleteAllCookies();
        open("login.xhtml");
        driver.findElement(By.id("login")).sendKeys(officer[1]);
        driver.findElement(By.id("password")).sendKeys(officer[2]);
        driver.findElement(By.id("submit")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/me/password"));
        driver.findElement(By.id("current")).sendKeys(officer[2]);
        driver.findElement(By.id("chosen")).sendKeys("Hoc-Tap-Son-La-" + s);
        driver.findElement(By.id("chosenAgain")).sendKeys("Hoc-Tap-Son-La-" + s);
        driver.findElement(By.id("submit")).click();
        waitUpTo(20).until(ExpectedConditions.urlContains("/me/"));
        open("admin/programmes.xhtml");
        driver.findElement(By.xpath("//tr[contains(., 'Kỹ năng số " + s + "')]//a[contains(@href, 'compliance.xhtml')]")).click();

        // lands on the agency, not the province; drills down to the unit, then to the people
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
        assertEquals("Sở Nông nghiệp và Môi trường", driver.findElement(By.cssSelector(".crumbs strong")).getText());
        assertEquals("2", driver.findElement(By.id("assigned")).getText(), "the information-security officers of the agency, not its head of division");
        assertEquals("1", driver.findElement(By.id("done")).getText());
        assertTrue(driver.findElements(By.cssSelector(".chart svg path.done")).size() == 1, "the chart is drawn");
        driver.findElement(By.linkText("Trung tâm Khuyến nông")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".crumbs strong"), "Trung tâm Khuyến nông"));
        // a page still arriving can show the table's head without its rows: wait for a row
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("peopleTable"), "Mùa A Xong " + s));
        String people = driver.findElement(By.id("peopleTable")).getText();
        assertTrue(people.contains("Mùa A Xong " + s) && people.contains("Giàng Thị Chưa " + s), people);
        driver.findElement(By.linkText("Hoàn thành đúng hạn")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("s=COMPLETED"));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("peopleTable"), "Mùa A Xong " + s));
        people = driver.findElement(By.id("peopleTable")).getText();
        assertTrue(people.contains("Mùa A Xong " + s) && !people.contains("Giàng Thị Chưa " + s), people);
        assertEquals(0, driver.findElements(By.linkText("Sở Y tế")).size(), "nothing of other agencies");

        // the export, with the browser's session: both people, with their status
        java.net.http.HttpResponse<byte[]> xlsx = download(driver.findElement(By.id("export")).getAttribute("href"));
        assertEquals(200, xlsx.statusCode(), "redirected to " + xlsx.headers().firstValue("Location").orElse("?"));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var list = book.getSheet("Danh sách");
            StringBuilder rows = new StringBuilder();
            list.forEach(r -> r.forEach(c -> rows.append(c.toString()).append('|')));
            assertTrue(rows.toString().contains("Mùa A Xong " + s + "|bt.done" + s), rows.toString());
            assertTrue(rows.toString().contains("Giàng Thị Chưa " + s), rows.toString());
            assertTrue(rows.toString().contains("Hoàn thành đúng hạn"), rows.toString());
            assertEquals("Trung tâm Khuyến nông", book.getSheet("Tổng hợp").getRow(1).getCell(1).getStringCellValue());
        }
    }

    /** A download with the browser's cookies (all of them, as the browser would send them). */
    static java.net.http.HttpResponse<byte[]> download(String href) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                .header("Cookie", cookies).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    static String[] created(java.net.http.HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        jakarta.json.JsonObject json = Http.json(r);
        return new String[]{Integer.toString(json.getJsonObject("person").getInt("id")),
                json.getJsonObject("person").getString("username"), json.getString("oneTimePassword")};
    }
}
