package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.participation.testing.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An editor writes, previews and publishes a pledge, places and configures the pledge widget, a
 * visitor reads it in every layout and in easy read, and the editor publishes a change and then
 * restores the earlier version: in Chromium, with axe-core on every public layout. Draft text
 * never reaches a visitor's page or the JSON API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PledgeJourneyTest {

    private static final String SLUG = "young-carers-promise";
    private static final String TITLE = "Our promise to young carers";
    private static final String PROMISE_V1 = "We will listen to what you tell us about caring.";
    private static final String EASY_V1 = "We listen to you.";
    private static final String COMMITMENT = "Meeting young carers every month at a time that suits them.";
    private static final String DRAFT_ONLY = "Draft wording 7Q3X that nobody has approved yet.";
    private static final String PROMISE_V2 = "We will act on what you tell us about caring.";

    private Portal portal;
    private WebDriver editor;
    private WebDriver visitor;
    private String adminPassword;
    private String pledgeHome;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "pledge-" + System.nanoTime());
        editor = Chromium.start(Files.createDirectories(dir.resolve("editor-profile")));
        visitor = Chromium.start(Files.createDirectories(dir.resolve("visitor-profile")));
        portal = Portal.start(dir.resolve("portal"), "participation.demo.content=false");
        adminPassword = portal.replaceAdminPassword();
    }

    @AfterAll
    void stop() {
        Chromium.quit(editor, visitor);
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void anEditorWritesPreviewsAndPublishesAPledge() {
        Chromium.signIn(editor, portal.base(), "admin", adminPassword);

        open(editor, "/intranet/pledges/new");
        Chromium.assertAccessible(editor, "The new pledge form");
        submit(editor);
        assertThat(editor.findElement(By.className("govuk-error-summary")).getText()).isNotBlank();
        Chromium.assertAccessible(editor, "The new pledge form with errors");
        replace(editor.findElement(By.id("title")), TITLE);
        replace(editor.findElement(By.id("slug")), SLUG);
        editor.findElement(By.cssSelector("input[type=radio][value='young-carers']")).click();
        replace(editor.findElement(By.id("introduction")), "Caring for someone is a lot. This is what we promise you.");
        submit(editor);
        pledgeHome = editor.getCurrentUrl().replaceAll("[?#].*", "");
        assertThat(pledgeHome).matches(".*/intranet/pledges/\\d+");

        Chromium.assertAccessible(editor, "The pledge overview");
        editor.findElement(By.linkText("Add a principle")).click();
        Chromium.assertAccessible(editor, "The new principle form");
        editor.findElement(By.id("title")).sendKeys("Voice");
        editor.findElement(By.id("promise")).sendKeys(PROMISE_V1);
        editor.findElement(By.id("easyReadPromise")).sendKeys(EASY_V1);
        submit(editor);
        Chromium.assertAccessible(editor, "The principle page");
        editor.findElement(By.partialLinkText("Add a commitment")).click();
        Chromium.assertAccessible(editor, "The new commitment form");
        editor.findElement(By.id("text")).sendKeys(COMMITMENT);
        editor.findElement(By.id("easyReadText")).sendKeys("We meet every month.");
        submit(editor);

        open(editor, pledgeHome + "/preview");
        assertThat(editor.findElement(By.tagName("main")).getText()).contains("not published").contains(PROMISE_V1)
                .contains(COMMITMENT);
        Chromium.assertAccessible(editor, "The pledge preview");
        assertThat(publicPage()).as("a draft is never public").doesNotContain(TITLE);

        publish();
        assertThat(editor.findElement(By.tagName("main")).getText()).contains("Version 1");
    }

    @Test
    @Order(2)
    void theEditorPlacesAndConfiguresTheWidgetAndAVisitorReadsEveryLayout() {
        open(editor, "/pledge");
        new Select(editor.findElement(By.id("widgetType"))).selectByValue("pledge");
        submit(editor, "form[action$='/add']");
        choose(editor, "pledge", SLUG);
        choose(editor, "layout", "full");
        submit(editor, "form[action*='/configure/']");

        String full = publicPage();
        assertThat(full).contains(TITLE).contains(PROMISE_V1).contains(COMMITMENT);
        assertThat(visitor.findElements(By.cssSelector("main h2"))).extracting(WebElement::getText).contains(TITLE);
        Chromium.assertAccessible(visitor, "The pledge in full");

        visitor.findElement(By.partialLinkText("Easy read")).click();
        assertThat(visitor.findElement(By.tagName("main")).getText()).contains(EASY_V1).doesNotContain(PROMISE_V1);
        Chromium.assertAccessible(visitor, "The pledge in easy read");
        // The choice is remembered for the visit: away to another page and back, still easy read.
        open(visitor, "/");
        open(visitor, "/pledge");
        assertThat(visitor.findElement(By.tagName("main")).getText()).contains(EASY_V1).doesNotContain(PROMISE_V1);

        for (String layout : List.of("cards", "principle")) {
            configureLayout(layout);
            assertThat(publicPage()).contains("Voice").contains(PROMISE_V1);
            Chromium.assertAccessible(visitor, "The pledge as " + layout);
        }
        configureLayout("full");
    }

    @Test
    @Order(3)
    void draftChangesStayOffPublicPagesUntilPublishedAndAnEarlierVersionCanBeRestored() {
        open(editor, pledgeHome);
        editor.findElement(By.cssSelector(".govuk-summary-card a[href*='/principles/']")).click();
        replace(editor.findElement(By.id("promise")), DRAFT_ONLY);
        submit(editor);

        assertThat(publicPage()).contains(PROMISE_V1).doesNotContain(DRAFT_ONLY);
        assertThat(new Visitor(portal).get("/api/pledges/" + SLUG).body()).contains(PROMISE_V1).doesNotContain(DRAFT_ONLY);
        assertThat(new Visitor(portal).get("/api/pledges").body()).doesNotContain(DRAFT_ONLY);

        open(editor, pledgeHome);
        editor.findElement(By.cssSelector(".govuk-summary-card a[href*='/principles/']")).click();
        replace(editor.findElement(By.id("promise")), PROMISE_V2);
        submit(editor);
        publish();
        assertThat(publicPage()).contains(PROMISE_V2).doesNotContain(PROMISE_V1);

        open(editor, pledgeHome + "/history?from=1&to=2");
        assertThat(editor.findElement(By.tagName("main")).getText()).contains(PROMISE_V1).contains(PROMISE_V2);
        Chromium.assertAccessible(editor, "The history comparing two versions");
        editor.findElement(By.cssSelector("a[href*='/history/1/restore']")).click();
        Chromium.assertAccessible(editor, "The restore confirmation");
        submit(editor);
        assertThat(editor.findElement(By.tagName("main")).getText()).contains("3");
        assertThat(publicPage()).contains(PROMISE_V1).doesNotContain(PROMISE_V2);
        assertThat(new Visitor(portal).get("/api/pledges/" + SLUG).body()).contains(PROMISE_V1)
                .contains("\"version\":3");
    }

    @Test
    @Order(4)
    void twoEditorsChangingOnePromiseAtOnceLoseNothingTheSecondSeesBothVersions() {
        String theirs = "Their promise, saved first.";
        String mine = "My promise, typed at the same time.";
        open(editor, pledgeHome);
        editor.findElement(By.cssSelector(".govuk-summary-card a[href*='/principles/']")).click();
        String principlePage = editor.getCurrentUrl();
        replace(editor.findElement(By.id("promise")), mine);

        // A second editor (another session) changes the same promise and saves first.
        WebDriver other = visitor;
        other.manage().deleteAllCookies();
        Chromium.signIn(other, portal.base(), "admin", adminPassword);
        open(other, principlePage);
        replace(other.findElement(By.id("promise")), theirs);
        submit(other);
        other.manage().deleteAllCookies();

        submit(editor);
        String conflict = editor.findElement(By.className("govuk-error-summary")).getText();
        assertThat(conflict).contains("Someone else changed this while you were editing");
        assertThat(editor.findElement(By.cssSelector("table.pledge-conflict")).getText()).contains(theirs)
                .contains(mine);
        assertThat(editor.findElement(By.id("promise")).getAttribute("value")).isEqualTo(mine);
        Chromium.assertAccessible(editor, "The conflict page");

        // Saved again on their version, what was typed lands.
        submit(editor);
        open(editor, principlePage);
        assertThat(editor.findElement(By.id("promise")).getAttribute("value")).isEqualTo(mine);
    }

    private void publish() {
        open(editor, pledgeHome + "/publish");
        Chromium.assertAccessible(editor, "The publish check");
        submit(editor);
    }

    private void configureLayout(String layout) {
        open(editor, "/pledge");
        editor.findElement(By.cssSelector("main section a[href*='configure=']")).click();
        choose(editor, "layout", layout);
        submit(editor, "form[action*='/configure/']");
    }

    /** The pledge page as a visitor who has never signed in sees it; returns the main text. */
    private String publicPage() {
        visitor.manage().deleteAllCookies();
        open(visitor, "/pledge");
        return visitor.findElement(By.tagName("main")).getText();
    }

    private void open(WebDriver driver, String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : portal.base() + pathOrUrl);
    }

    private static void choose(WebDriver driver, String preference, String value) {
        driver.findElement(By.cssSelector("input[type=radio][name$='" + preference + "'][value='" + value + "']")).click();
    }

    private static void replace(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private static void submit(WebDriver driver) {
        submit(driver, "main form[method=post]");
    }

    /** Presses the form's submit button and waits for the next page. */
    private static void submit(WebDriver driver, String formSelector) {
        WebElement form = driver.findElements(By.cssSelector(formSelector)).stream()
                .filter(f -> !f.findElements(By.cssSelector("button[type=submit]")).isEmpty())
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError(
                        "No form " + formSelector + " on " + driver.getCurrentUrl()));
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        Chromium.awaitNextPage(driver, button);
    }
}
