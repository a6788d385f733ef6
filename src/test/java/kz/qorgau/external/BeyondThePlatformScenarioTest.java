package kz.qorgau.external;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.Network;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 24's story. An inspector refers a survivor to a district hospital's social worker who is not on the platform;
 * the worker opens the link in a real browser at a phone's size (Debian's Chromium, headless, 390 by 844 CSS pixels,
 * driven by Selenium through Debian's ChromeDriver, both installed by src/test/browser when missing), gives the code and
 * accepts; the inspector sees ACCEPTED; five wrong codes lock a second link. A hotline operator refers a caller to a
 * centre with a free place in her district. An ambulance's hospital opens an emergency access to the first survivor's
 * case, reads it, and a coordinator reviews it; her report then names exactly the agencies that read her data.
 * Screenshots of each page are left in target/browser for a person to look at.
 */
@QuarkusTest
class BeyondThePlatformScenarioTest {

    private static final Path SHOTS = Path.of("target", "browser");

    private static ChromeDriverService service;
    private static WebDriver browser;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        Process install = new ProcessBuilder("bash", "src/test/browser/install-chromium.sh")
                .inheritIO()
                .start();
        assertEquals(0, install.waitFor(), "src/test/browser/install-chromium.sh could not install Chromium");
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("qorgau-chromium");
        // The driver listens on loopback alone; Selenium Manager is never asked, as the driver is named.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withAllowedListIps("127.0.0.1")
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=390,844",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156"
                                + " Mobile Safari/537.36"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theIssuesStory() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.person("i.browser", Role.POLICE_INSPECTOR, almaty.police);
        UUID[] sent = ExternalRecipientTest.sentToHospital(inspector, true);
        UUID caseId = sent[0];
        UUID referral = sent[1];
        Response issued = ExternalRecipientTest.issue(inspector, referral)
                .then()
                .statusCode(201)
                .extract()
                .response();

        browser.get(url(issued) + "?lang=en");
        shot("1-code");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Enter the code it gave you by phone"));
        assertFitsThePhone();
        browser.findElement(By.id("code")).sendKeys(issued.<String>path("code"));
        submit(By.id("continue"));
        shot("2-referral");
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("Aigerim Sultanova"), page);
        assertTrue(page.contains("Medical care"), page);
        assertTrue(page.contains("Needs follow-up after the emergency room"), page);
        assertFitsThePhone();
        submit(By.id("accept"));
        shot("3-accepted");
        assertEquals(
                "You accepted the referral. The sender has been told.",
                browser.findElement(By.id("message")).getText());
        assertTrue(browser.findElements(By.id("accept")).isEmpty(), "the page still offers to accept");
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("ACCEPTED"));
        // The back button and a reload show the link spent, nothing more.
        browser.get(url(issued));
        assertTrue(browser.findElement(By.id("gone")).getText().contains("answered this referral"));

        // A second referral's link, in Kazakh, and five wrong codes.
        UUID second = ExternalRecipientTest.sentToHospital(inspector, true)[1];
        Response link = ExternalRecipientTest.issue(inspector, second)
                .then()
                .statusCode(201)
                .extract()
                .response();
        browser.get(url(link) + "?lang=kk");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("кодты енгізіңіз"));
        for (int wrong = 1; wrong <= 5; wrong++) {
            browser.findElement(By.id("code")).sendKeys("0000000" + wrong);
            submit(By.id("continue"));
            if (wrong < 5) {
                assertTrue(browser.findElement(By.id("wrong-code")).getText().contains(String.valueOf(5 - wrong)));
            }
        }
        shot("4-locked");
        assertTrue(browser.findElement(By.id("gone")).getText().contains("бұғатталды"));
        assertTrue(browser.findElements(By.tagName("form")).isEmpty(), "a locked link still offers a form");
        List<String> states = given().auth()
                .oauth2(inspector)
                .get("/api/v1/referrals/" + second + "/external-links")
                .then()
                .extract()
                .path("state");
        assertEquals(List.of("LOCKED"), states);

        // A woman calls the hotline herself: no police, a centre with a free place in her district.
        UUID hotline = almaty.register("111 contact centre", "HOTLINE", "[\"CRISIS_HOTLINE\"]");
        String operator = almaty.person("o.hotline", Role.HOTLINE_OPERATOR, hotline);
        String district = "Turksib-" + UUID.randomUUID();
        kz.qorgau.support.Flows.directoryEntry(
                        almaty.token(Role.AGENCY_ADMIN, almaty.crisisCentre), almaty.crisisCentre, district, 1)
                .then()
                .statusCode(200);
        UUID callersCase = kz.qorgau.support.Flows.caseFile(operator);
        given().auth()
                .oauth2(operator)
                .contentType("application/json")
                .body(Map.of(
                        "recipientAgencyIds", List.of(almaty.crisisCentre),
                        "categories", List.of("IDENTITY", "CONTACT"),
                        "method", "PHONE"))
                .post("/api/v1/cases/" + callersCase + "/consents")
                .then()
                .statusCode(201);
        List<String> withPlace = given().auth()
                .oauth2(operator)
                .queryParam("service", "SHELTER")
                .queryParam("district", district)
                .queryParam("acceptingNow", true)
                .get("/api/v1/directory")
                .then()
                .statusCode(200)
                .extract()
                .path("items.agencyId");
        assertEquals(List.of(almaty.crisisCentre.toString()), withPlace);
        UUID callersReferral = UUID.fromString(given().auth()
                .oauth2(operator)
                .contentType("application/json")
                .body(Map.of(
                        "caseId",
                        callersCase,
                        "receiverAgencyId",
                        almaty.crisisCentre,
                        "servicesRequested",
                        List.of("SHELTER"),
                        "submit",
                        true))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("state", org.hamcrest.Matchers.equalTo("SUBMITTED"))
                .extract()
                .path("id"));
        kz.qorgau.support.Flows.fire(almaty.token(Role.NGO_CASEWORKER, almaty.crisisCentre), callersReferral, "ACCEPT")
                .then()
                .statusCode(200);

        // An ambulance brings the first woman to another hospital: emergency access, opened, used, reviewed.
        UUID ambulanceHospital = almaty.register("City emergency hospital", "HEALTH", "[]");
        String doctor = almaty.token(Role.SOCIAL_WORKER, ambulanceHospital);
        String accessId = given().auth()
                .oauth2(doctor)
                .contentType("application/json")
                .body(Map.of("caseId", caseId, "reason", "MEDICAL_EMERGENCY", "note", "Unconscious on arrival"))
                .post("/api/v1/emergency-access")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(doctor)
                .get("/api/v1/emergency-access/" + accessId + "/case")
                .then()
                .statusCode(200)
                .body("leadAgency.agencyId", org.hamcrest.Matchers.equalTo(almaty.police.toString()));
        given().auth()
                .oauth2(almaty.coordinator())
                .contentType("application/json")
                .body(Map.of("justified", true, "note", "Treated in the emergency department"))
                .post("/api/v1/emergency-access/" + accessId + "/review")
                .then()
                .statusCode(200)
                .body("review.justified", org.hamcrest.Matchers.equalTo(true));

        // Her report names exactly the agencies that read her data: her police, the hospital worker off the
        // platform (through its page), and the emergency hospital.
        List<String> readers = given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId + "/data-report")
                .then()
                .statusCode(200)
                .extract()
                .path("agencies.findAll { it.reads > 0 }.agencyId");
        assertEquals(
                java.util.Set.of(almaty.police.toString(), sent[2].toString(), ambulanceHospital.toString()),
                java.util.Set.copyOf(readers));
        assertEquals(3, readers.size());
    }

    /** Clicks a form's button and waits for the page the post answers with to replace this one. */
    private static void submit(By button) throws InterruptedException {
        org.openqa.selenium.WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                old.isEnabled();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return;
            } catch (org.openqa.selenium.WebDriverException replacing) {
                // Asked while the new page replaces the old, Chrome answers this rather than "stale": the page changed.
                if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                    return;
                }
                throw replacing;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page did not change after " + button);
    }

    private String url(Response issued) {
        return base.toString().replaceAll("/$", "") + ExternalRecipientTest.path(issued);
    }

    /** Nothing wider than the phone: no sideways scrolling, and the buttons as wide as the page's column. */
    private void assertFitsThePhone() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertTrue(viewport <= 400, "not a phone's viewport: " + viewport);
        assertFalse(scrollWidth > viewport, "the page is " + scrollWidth + " wide on a " + viewport + " phone");
        // The stylesheet loaded under the page's Content-Security-Policy: the header is the page's colour.
        String header =
                (String) js.executeScript("return getComputedStyle(document.querySelector('header')).backgroundColor");
        assertEquals("rgb(31, 59, 87)", header);
    }

    private static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }
}
