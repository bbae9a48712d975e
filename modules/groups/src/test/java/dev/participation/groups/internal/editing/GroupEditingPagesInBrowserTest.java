package dev.participation.groups.internal.editing;

import static dev.participation.groups.GroupExamples.forum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import dev.participation.api.account.Account;
import dev.participation.api.account.Accounts;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupChanged;
import dev.participation.groups.api.Groups;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;

/**
 * The editors' pages in Chromium with the GOV.UK Frontend styles, each inside a minimal page as a
 * host draws one: axe-core finds no WCAG 2.2 A/AA violation on the list, the empty and the refused
 * form and the conflict screen; the form reflows at 320 px; the error summary's links reach their
 * fields by keyboard. Without Chromium the test is skipped with a note, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupEditingPagesInBrowserTest {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String STYLES = "/META-INF/resources/webjars/govuk-frontend/5.13.0/dist/govuk/"
            + "govuk-frontend.min.css";

    @TempDir
    static Path dir;

    private WebDriver browser;
    private GroupEditingPage page;
    private StaffPosts posts;
    private Group group;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String how = "Browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(how);
            }
            Assumptions.abort(how);
        }
        try (InputStream css = GroupEditingPagesInBrowserTest.class.getResourceAsStream(STYLES)) {
            assertThat(css).as("GOV.UK Frontend's styles on the test class path").isNotNull();
            Files.write(dir.resolve("govuk.css"), css.readAllBytes());
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--allow-file-access-from-files", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));

        Groups groups = mock(Groups.class);
        group = new Group(7, "youth-forum", 2, forum("Youth Forum"), Instant.parse("2026-03-01T10:00:00Z"), "edith");
        Group other = new Group(8, "youth-cabinet", 1, forum("Youth Cabinet"), Instant.parse("2026-03-01T10:00:00Z"),
                "edith");
        when(groups.all()).thenReturn(List.of(other, group));
        when(groups.group(7)).thenReturn(Optional.of(group));
        Group theirs = new Group(7, "youth-forum", 3, forum("Youth Forum (renamed)"),
                Instant.parse("2026-03-02T09:30:00Z"), "edith");
        when(groups.update(anyLong(), anyInt(), any(), anyString())).thenThrow(new GroupChanged(theirs));
        Accounts accounts = mock(Accounts.class);
        when(accounts.all()).thenReturn(List.of(new Account(People.EDITOR, true, false, 1)));
        when(accounts.find("edith")).thenReturn(Optional.of(People.EDITOR));
        page = new GroupEditingPage(groups, Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC),
                accounts);
        posts = StaffPosts.of(page, List.of(new GroupEditingPage.Save(page)));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Shows a view as a host would: a page with a language, a title, one h1 and a main landmark. */
    private void show(WidgetView view) throws IOException {
        String title = view.title().orElse("Groups");
        String html = "<!DOCTYPE html><html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"govuk.css\"></head>"
                + "<body class=\"govuk-template__body govuk-frontend-supported\"><div class=\"govuk-width-container\">"
                + "<main class=\"govuk-main-wrapper\" id=\"main-content\"><h1 class=\"govuk-heading-l\">" + title
                + "</h1>" + view.html() + "</main></div></body></html>";
        Path file = dir.resolve("page-" + System.nanoTime() + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        browser.get(file.toUri().toString());
    }

    private void assertAccessible(String what) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail(what + " has accessibility violations:\n" + violations.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    private WidgetView refused(String path, Map<String, List<String>> form) {
        PostOutcome outcome = posts.post(new GroupEditingPageTest.Posted(
                FakeStaffRequest.to(GroupEditingPage.KEY, path, People.EDITOR), form));
        assertThat(outcome).isInstanceOf(PostOutcome.Invalid.class);
        return ((PostOutcome.Invalid) outcome).view();
    }

    @Test
    void theOracleCatchesAnInaccessiblePage() throws IOException {
        show(WidgetView.titled("Broken", "<form><input type=\"text\" name=\"x\"></form>"));
        assertThatThrownBy(() -> assertAccessible("A broken page")).hasMessageContaining("label");
    }

    @Test
    void theListAndTheFormsHaveNoViolations() throws IOException {
        show(page.render(FakeStaffRequest.to(GroupEditingPage.KEY, "", People.EDITOR)));
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertAccessible("The list of groups");

        show(page.render(FakeStaffRequest.to(GroupEditingPage.KEY, "new", People.EDITOR)));
        assertAccessible("The empty form");

        show(page.render(FakeStaffRequest.to(GroupEditingPage.KEY, "7", People.EDITOR)));
        assertAccessible("A group's form");
    }

    @Test
    void aRefusedFormHasNoViolationsReflowsAndItsSummaryLeadsToTheFields() throws IOException {
        Map<String, List<String>> bad = GroupEditingPageTest.with(GroupEditingPageTest.with(
                GroupEditingPageTest.with(GroupEditingPageTest.with(GroupEditingPageTest.complete(), "name", ""),
                        "whoFor.youngest", "-1"), "whoFor.eligibility"), "manager", "edith");
        show(refused("new", bad));

        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary a"))).hasSizeGreaterThan(2);
        assertAccessible("The form with errors");

        // The first link of the summary, followed by keyboard, lands on the name box.
        browser.findElement(By.cssSelector(".govuk-error-summary a")).sendKeys(Keys.ENTER);
        assertThat(((JavascriptExecutor) browser).executeScript("return location.hash")).isEqualTo("#name");

        browser.manage().window().setSize(new Dimension(320, 800));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal scrolling at 320 px").isLessThanOrEqualTo(0);
            assertAccessible("The form with errors at 320 px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void theConflictScreenHasNoViolations() throws IOException {
        show(refused("7", GroupEditingPageTest.with(GroupEditingPageTest.with(GroupEditingPageTest.complete(),
                "version", "2"), "manager", "edith")));

        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Someone else changed this group");
        assertAccessible("The conflict screen");
    }
}
