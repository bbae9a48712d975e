package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.participation.testing.browser.Chromium;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two editors on one widget's settings, the whole audit log a page at a time, and staff addresses
 * that name nothing, in the running jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesAndHistoryTest {

    private Portal portal;
    private String adminPassword;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "changes-" + System.nanoTime());
        browser = Chromium.start(Files.createDirectories(dir.resolve("profile")));
        portal = Portal.start(dir.resolve("portal"));
        adminPassword = portal.replaceAdminPassword();
    }

    @AfterAll
    void stop() {
        Chromium.quit(browser);
        if (portal != null) {
            portal.close();
        }
    }

    private Visitor admin() {
        Visitor admin = new Visitor(portal);
        assertThat(admin.signIn("admin", adminPassword).statusCode()).isEqualTo(303);
        return admin;
    }

    private static Element settingsForm(Visitor editor) {
        Document home = editor.page("/");
        String configure = home.selectFirst("main section a[href*=configure=]").attr("href").replaceAll("#.*", "");
        return editor.page(configure).selectFirst("form[action*=/configure/]");
    }

    @Test
    void aSaveOverSomeoneElsesChangeIsShownBesideTheirsAndNothingIsLost() {
        Visitor first = admin();
        Visitor second = admin();
        Element mine = settingsForm(first);
        Element theirs = settingsForm(second);
        String heading = mine.selectFirst("input[name$=heading]").attr("name");

        assertThat(second.submit(theirs, Map.of(heading, "Their words")).statusCode()).isEqualTo(303);
        HttpResponse<String> stale = first.submit(mine, Map.of(heading, "My words"));

        assertThat(stale.statusCode()).isEqualTo(409);
        Document again = Jsoup.parse(stale.body());
        assertThat(again.select(".govuk-error-summary").text()).contains("Someone else changed these settings");
        assertThat(again.selectFirst("input[name=" + heading + "]").attr("value")).isEqualTo("My words");
        assertThat(again.select(".govuk-inset-text strong").text()).contains("Their words");
        assertThat(first.page("/").select("main section h2").text()).contains("Their words");

        // Seen theirs, the first editor saves again on purpose.
        Element shownAgain = again.selectFirst("form[action*=/configure/]");
        shownAgain.attr("action", portal.base() + shownAgain.attr("action"));
        assertThat(first.submit(shownAgain, Map.of()).statusCode()).isEqualTo(303);
        assertThat(first.page("/").select("main section h2").text()).contains("My words");
    }

    @Test
    void theAuditLogWalksBackAndForthAndNamesPeople() {
        Visitor admin = admin();
        Element form = settingsForm(admin);
        String heading = form.selectFirst("input[name$=heading]").attr("name");
        // Enough saves for more than one page of the log.
        for (int i = 0; i < 55; i++) {
            form = settingsForm(admin);
            assertThat(admin.submit(form, Map.of(heading, "Saved " + i)).statusCode()).isEqualTo(303);
        }

        Document newest = admin.page("/intranet/audit");
        assertThat(newest.select("tbody tr")).hasSize(50);
        assertThat(newest.select("tbody td").eachText()).contains("Administrator (admin)");
        Element older = newest.selectFirst("a[rel=next]");
        assertThat(older.text()).isEqualTo("Older entries");
        assertThat(newest.select("a[rel=prev]")).isEmpty();

        Document further = admin.page(older.attr("href"));
        assertThat(further.select("tbody tr")).isNotEmpty();
        Element newer = further.selectFirst("a[rel=prev]");
        assertThat(newer.text()).isEqualTo("Newer entries");
        assertThat(admin.page(newer.attr("href")).select("tbody tr").eachText())
                .isEqualTo(newest.select("tbody tr").eachText());
        assertThat(admin.get("/intranet/audit?before=not-a-number").statusCode()).isEqualTo(404);

        signInTheBrowser();
        browser.get(portal.base() + older.attr("href"));
        Chromium.assertAccessible(browser, "An older page of the audit log");
    }

    @Test
    void theFormAfterARefusedSaveIsAccessible() {
        signInTheBrowser();
        browser.get(portal.base() + "/");
        browser.findElement(By.cssSelector("main section a[href*='configure=']")).click();
        Visitor other = admin();
        Element theirs = settingsForm(other);
        String heading = theirs.selectFirst("input[name$=heading]").attr("name");
        assertThat(other.submit(theirs, Map.of(heading, "Saved from elsewhere")).statusCode()).isEqualTo(303);

        WebElement field = browser.findElement(By.name(heading));
        field.clear();
        field.sendKeys("Typed in the browser");
        browser.findElement(By.cssSelector("main form[action*='/configure/'] button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")));
        assertThat(browser.findElement(By.className("govuk-error-summary")).getText())
                .contains("Someone else changed these settings");
        assertThat(browser.findElement(By.name(heading)).getAttribute("value")).isEqualTo("Typed in the browser");
        Chromium.assertAccessible(browser, "A settings form after someone else's save");
    }

    private void signInTheBrowser() {
        browser.manage().deleteAllCookies();
        Chromium.signIn(browser, portal.base(), "admin", adminPassword);
    }

    @Test
    void aStaffAddressThatNamesNothingAnswers404() {
        Visitor admin = admin();

        HttpResponse<String> missing = admin.get("/intranet/pledges/999999/details");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("h1").text()).contains("Page not found");
        assertThat(admin.get("/intranet/pledges/no/such/screen").statusCode()).isEqualTo(404);
        assertThat(admin.get("/intranet/pledges/").statusCode()).isEqualTo(200);
    }
}
