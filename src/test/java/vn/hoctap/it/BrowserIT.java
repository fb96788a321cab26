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
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Journeys a person would notice breaking, in headless Chromium: a resident registers, signs out
 * and signs in again with their phone; an administrator imports staff from a spreadsheet.
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
}
