package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.participation.testing.browser.Chromium;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Asking to join a group and hearing back, in Chromium against the running jar: a 10-year-old's
 * request cannot be sent without an adult's agreement and goes through with only their key
 * worker's contact; the confirmation page says by when, and the email arrives at an SMTP server
 * (GreenMail); staff read the request, change its status and export the list; after the response
 * target has passed (the portal restarted with its clock set later) the request still new is
 * marked overdue. axe-core checks every page, the form by keyboard alone and at 320 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JoinRequestJourneyTest {

    private static final String GROUP = "Children in Care Council";

    private Path dir;
    private GreenMail smtp;
    private Portal portal;
    private WebDriver visitor;
    private WebDriver staff;
    private String adminPassword;

    @BeforeAll
    void start() throws Exception {
        dir = Path.of(System.getProperty("portal.workdir"), "join-" + System.nanoTime());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path configs = Files.createDirectories(dir.resolve("portal").resolve("configs"));
        Files.writeString(configs.resolve("dev.participation.mail.config"), "host=\"127.0.0.1\"\nport=I\"" + port
                + "\"\ntls=\"none\"\npollSeconds=I\"1\"\nfromAddress=\"participation@council.example\"\n");
        // Selenium fills a form faster than a person: the guard's minimum fill time would refuse it.
        Files.writeString(configs.resolve("dev.participation.protection.config"), "minimumFillSeconds=I\"0\"\n");
        visitor = Chromium.start(Files.createDirectories(dir.resolve("visitor-profile")));
        staff = Chromium.start(Files.createDirectories(dir.resolve("staff-profile")));
        portal = Portal.start(dir.resolve("portal"));
        adminPassword = portal.replaceAdminPassword();
    }

    @AfterAll
    void stop() {
        Chromium.quit(visitor, staff);
        if (portal != null) {
            portal.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** From the directory to the group's page to its join form, as a visitor goes. */
    private void openJoinForm() {
        visitor.manage().deleteAllCookies();
        // The demo content is installed just after start-up.
        new WebDriverWait(visitor, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(d -> {
            d.get(portal.base() + "/groups");
            return !d.findElements(By.linkText(GROUP)).isEmpty();
        });
        visitor.findElement(By.linkText(GROUP)).click();
        visitor.findElement(By.cssSelector("main a.govuk-button[href*='join=']")).click();
        assertThat(visitor.findElement(By.cssSelector("main h2")).getText()).isEqualTo("Ask to join " + GROUP);
    }

    private WebElement field(String name) {
        return visitor.findElement(By.cssSelector("main [name$='" + name + "']:not([type=radio])"));
    }

    private void choose(String name, String value) {
        visitor.findElement(By.cssSelector("main input[type=radio][name$='" + name + "'][value='" + value + "']"))
                .click();
    }

    private void send() {
        WebElement button = visitor.findElement(By.xpath("//main//button[normalize-space()='Send my request']"));
        button.click();
        Chromium.awaitNextPage(visitor, button);
    }

    @Test
    @Order(1)
    void aTenYearOldsRequestNeedsAnAdultsAgreementAndGoesThroughWithOnlyTheirKeyWorker() throws Exception {
        openJoinForm();
        Chromium.assertAccessible(visitor, "The ask-to-join form");

        field("firstName").sendKeys("Sam");
        field("age").sendKeys("10");
        choose("reach", "adult");
        field("adultName").sendKeys("Jo Baker");
        choose("adultRole", "key-worker");
        field("adultContact").sendKeys("jo.baker@example.org");
        field("help").sendKeys("Someone to come with me the first time.");
        visitor.findElement(By.cssSelector("main input[type=checkbox][name$='agree']")).click();
        send();

        WebElement summary = visitor.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("You are under 13, so enter the name of the adult who agreed");
        assertThat(field("firstName").getAttribute("value")).isEqualTo("Sam");
        assertThat(field("adultContact").getAttribute("value")).isEqualTo("jo.baker@example.org");
        assertThat(field("help").getAttribute("value")).isEqualTo("Someone to come with me the first time.");
        Chromium.assertAccessible(visitor, "The ask-to-join form with errors");

        field("consentName").sendKeys("Jo Baker");
        choose("consentRole", "delegated-authority");
        send();

        assertThat(visitor.findElement(By.className("govuk-panel__title")).getText()).isEqualTo("Request sent");
        assertThat(visitor.findElement(By.tagName("main")).getText()).contains("will get in touch by")
                .contains("We have sent a confirmation email.");
        Chromium.assertAccessible(visitor, "The confirmation of a request to join");

        assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the confirmation arrives by email").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("jo.baker@example.org");
        assertThat(mail.getSubject()).isEqualTo("Your request to join " + GROUP);
        Object content = mail.getContent();
        String body = content instanceof String text ? text : GreenMailUtil.getBody(mail);
        assertThat(body).contains("Sam asked to join a group");
    }

    @Test
    @Order(2)
    void theFormWorksByKeyboardAloneAndAt320Pixels() {
        openJoinForm();
        WebElement first = field("firstName");
        first.click();
        Set<String> reached = new LinkedHashSet<>();
        JavascriptExecutor js = (JavascriptExecutor) visitor;
        for (int i = 0; i < 40; i++) {
            reached.add(String.valueOf(js.executeScript(
                    "var e = document.activeElement; return (e.name || e.textContent || '').trim();")));
            visitor.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(reached.stream().map(n -> n.replaceAll("^.*_", ""))).contains("firstName", "age", "reach",
                "email", "phone", "adultName", "adultRole", "adultContact", "help", "consentName", "consentRole",
                "agree", "Send my request");

        // A phone-only request, typed and sent with the keyboard alone.
        visitor.navigate().refresh();
        field("firstName").sendKeys("Kai", Keys.TAB, "15");
        choose("reach", "phone");
        field("phone").sendKeys("07700 900982");
        WebElement agree = visitor.findElement(By.cssSelector("main input[type=checkbox][name$='agree']"));
        agree.sendKeys(Keys.SPACE);
        assertThat(agree.isSelected()).isTrue();
        WebElement button = visitor.findElement(By.xpath("//main//button[normalize-space()='Send my request']"));
        button.sendKeys(Keys.ENTER);
        Chromium.awaitNextPage(visitor, button);
        assertThat(visitor.findElement(By.tagName("main")).getText()).contains("We will phone or text the number");

        openJoinForm();
        Chromium.assertReflowsAtPhoneWidth(visitor, "The ask-to-join form");
    }

    @Test
    @Order(3)
    void staffReadTheRequestChangeItsStatusAndExportTheList() {
        Chromium.signIn(staff, portal.base(), "admin", adminPassword);

        staff.get(portal.base() + "/intranet/join-requests/");
        Chromium.assertAccessible(staff, "The join requests' groups");
        staff.findElement(By.linkText(GROUP)).click();
        assertThat(staff.findElements(By.cssSelector("main tbody th a"))).extracting(WebElement::getText)
                .containsExactly("Kai", "Sam");
        Chromium.assertAccessible(staff, "A group's join requests");

        staff.findElement(By.linkText("Sam")).click();
        assertThat(staff.findElement(By.tagName("main")).getText()).contains("Jo Baker", "jo.baker@example.org",
                "Someone to come with me the first time.");
        Chromium.assertAccessible(staff, "A join request");
        staff.findElement(By.cssSelector("main input[type=radio][value='contacted']")).click();
        WebElement save = staff.findElement(By.xpath("//main//button[normalize-space()='Save status']"));
        save.click();
        Chromium.awaitNextPage(staff, save);
        assertThat(staff.findElement(By.tagName("main")).getText()).contains("The request from Sam is now: Contacted");

        staff.findElement(By.linkText("Export these requests as CSV")).click();
        Chromium.assertAccessible(staff, "The join requests' export");
        String href = staff.findElement(By.id("download")).getAttribute("href");
        assertThat(href).startsWith("data:text/csv;charset=utf-8,");
        String csv = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("Sam,10,Through a trusted adult").contains("Contacted");
    }

    @Test
    @Order(4)
    void aRequestStillNewAfterItsTargetIsMarkedOverdue() throws IOException {
        portal.close();
        // Two weeks later: past any target of five working days.
        Instant later = Instant.now().plus(14, ChronoUnit.DAYS);
        Files.writeString(dir.resolve("portal").resolve("configs").resolve("dev.participation.clock.config"),
                "fixedInstant=\"" + later + "\"\n");
        portal = Portal.start(dir.resolve("portal"));
        staff.manage().deleteAllCookies();
        Chromium.signIn(staff, portal.base(), "admin", adminPassword);

        staff.get(portal.base() + "/intranet/join-requests/");
        assertThat(staff.findElement(By.tagName("main")).getText()).contains("1 overdue");
        staff.findElement(By.linkText(GROUP)).click();
        WebElement kai = staff.findElement(By.xpath("//main//tbody/tr[th/a[normalize-space()='Kai']]"));
        assertThat(kai.findElement(By.cssSelector(".govuk-tag--red")).getText()).isEqualTo("Overdue");
        WebElement sam = staff.findElement(By.xpath("//main//tbody/tr[th/a[normalize-space()='Sam']]"));
        assertThat(sam.findElements(By.cssSelector(".govuk-tag"))).isEmpty();
        assertThat(staff.findElement(By.className("govuk-warning-text")).getText())
                .contains("1 request is past the response target and still new.");
        Chromium.assertAccessible(staff, "A group's join requests with one overdue");
    }
}
