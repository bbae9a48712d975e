package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.participation.testing.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo's group directory at /groups, as visitors use it: a 15-year-old care leaver finds the
 * groups that fit with JavaScript off, and the address of the results shows the same groups in
 * another browser; a group's page and the way back; the governance map; bad filters and an
 * unknown group. axe-core checks every one of these pages, at desktop width and at 320 px, and the
 * filters work by keyboard alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupDirectoryTest {

    /** The demo groups a 15-year-old care leaver fits: care leavers' groups and groups open to all, aged 15. */
    private static final List<String> FOR_A_15_YEAR_OLD_CARE_LEAVER = List.of("Children in Care Council",
            "Young Inspectors", "Youth Council");

    private Portal portal;
    private WebDriver noScript;
    private WebDriver browser;
    private String adminPassword;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "groups-" + System.nanoTime());
        noScript = Chromium.startWithoutJavaScript(Files.createDirectories(dir.resolve("no-script-profile")));
        browser = Chromium.start(Files.createDirectories(dir.resolve("profile")));
        portal = Portal.start(dir.resolve("portal"));
        adminPassword = portal.replaceAdminPassword();
        // The demo content is installed just after start-up: wait for its ten groups.
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300)).until(d -> {
            d.get(portal.base() + "/groups");
            return d.findElements(By.cssSelector("[role=status]")).stream()
                    .anyMatch(e -> e.getText().equals("10 groups found"));
        });
    }

    @AfterAll
    void stop() {
        Chromium.quit(noScript, browser);
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theBrowserWithoutJavaScriptRunsNoScript() {
        // Proves the set-up: a page whose script would retitle it keeps its own title.
        noScript.get("data:text/html,<title>kept</title><script>document.title='ran'</script>");
        assertThat(noScript.getTitle()).isEqualTo("kept");
    }

    @Test
    void aCareLeaverOf15FindsTheGroupsThatFitWithoutJavaScriptAndTheAddressShowsThemAgain() {
        noScript.manage().deleteAllCookies();
        noScript.get(portal.base() + "/groups");
        WebElement age = noScript.findElement(By.cssSelector("main input[name$='_age']"));
        age.sendKeys("15");
        noScript.findElement(By.cssSelector("main input[type=checkbox][value='care-leaver']")).click();
        WebElement apply = noScript.findElement(By.xpath("//main//button[normalize-space()='Apply filters']"));
        apply.click();
        Chromium.awaitNextPage(noScript, apply);

        assertThat(results(noScript)).isEqualTo(FOR_A_15_YEAR_OLD_CARE_LEAVER);
        assertThat(noScript.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("3 groups found");
        assertThat(noScript.findElement(By.cssSelector("main input[name$='_age']")).getAttribute("value"))
                .isEqualTo("15");
        assertThat(noScript.findElement(By.cssSelector("main input[value='care-leaver']")).isSelected()).isTrue();
        String shared = noScript.getCurrentUrl();
        assertThat(shared).contains("_age=15").contains("_who=care-leaver");

        // Someone else opens the shared address in a fresh browser.
        browser.manage().deleteAllCookies();
        browser.get(shared);
        assertThat(results(browser)).isEqualTo(FOR_A_15_YEAR_OLD_CARE_LEAVER);
        assertThat(browser.findElement(By.cssSelector("main input[value='care-leaver']")).isSelected()).isTrue();
        Chromium.assertAccessible(browser, "The directory after filtering");

        // Clear filters shows every group again.
        browser.findElement(By.linkText("Clear filters")).click();
        assertThat(results(browser)).hasSize(10);
    }

    @Test
    void aGroupsPageShowsWhatThePublicMaySeeAndGoesBackToTheSameSearch() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/groups");
        browser.findElement(By.cssSelector("main input[name$='_age']")).sendKeys("15");
        browser.findElement(By.cssSelector("main input[type=checkbox][value='care-leaver']")).click();
        WebElement apply = browser.findElement(By.xpath("//main//button[normalize-space()='Apply filters']"));
        apply.click();
        Chromium.awaitNextPage(browser, apply);
        String search = browser.getCurrentUrl();

        browser.findElement(By.linkText("Children in Care Council")).click();
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Children in Care Council", "Ages 11 to 18", "Riverside Youth Centre",
                "We can collect you from home or school", "Corporate Parenting Board", "Open to new members",
                "last checked on 3 November 2025");
        assertThat(browser.getTitle()).contains("Children in Care Council");
        Chromium.assertAccessible(browser, "A group's page");

        browser.findElement(By.linkText("Back to groups")).click();
        assertThat(results(browser)).isEqualTo(FOR_A_15_YEAR_OLD_CARE_LEAVER);
        assertThat(browser.findElement(By.cssSelector("main input[name$='_age']")).getAttribute("value"))
                .isEqualTo("15");
        assertThat(browser.getCurrentUrl()).isNotEqualTo(search).contains("_age=15");
    }

    @Test
    void theDirectoryAndTheGovernanceMapHaveNoAccessibilityViolations() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/groups");
        Chromium.assertAccessible(browser, "The group directory with its governance map");
        WebElement map = browser.findElement(By.cssSelector(".pw-groups-map__diagram"));
        // The diagram is nested lists: the board, the groups feeding it, the groups feeding those.
        assertThat(map.findElements(By.xpath(".//li[.//strong[normalize-space()='Corporate Parenting Board']]//ul//a")))
                .extracting(WebElement::getText).contains("Children in Care Council", "Care Leavers Forum");
        assertThat(map.findElements(By.xpath(".//li[a[normalize-space()='Youth Cabinet'] or div/a[normalize-space()='Youth Cabinet']]//ul//a")))
                .extracting(WebElement::getText).contains("Youth Council", "Primary Parliament", "SEND Voice");
        map.findElement(By.linkText("Care Leavers Forum")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("For young people aged 16 to 25");
    }

    @Test
    void badFiltersAndAnUnknownGroupGetClearPagesWithoutViolations() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/groups");
        String ns = namespace(browser);
        for (String bad : List.of("-1", "200", "abc")) {
            browser.get(portal.base() + "/groups?" + ns + "age=" + bad + "&" + ns + "who=wizards&" + ns + "filtered=1");
            WebElement summary = browser.findElement(By.className("govuk-error-summary"));
            assertThat(summary.getText()).contains("Enter an age from 0 to 120")
                    .contains("Choose who the group is for from the list");
            assertThat(browser.findElement(By.cssSelector("main input[name$='_age']")).getAttribute("value"))
                    .isEqualTo(bad);
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Exception");
        }
        Chromium.assertAccessible(browser, "The directory with bad filters");

        browser.get(portal.base() + "/groups?" + ns + "group=no-such-group");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Group not found");
        Chromium.assertAccessible(browser, "An unknown group");
    }

    @Test
    void someoneUsingOnlyAKeyboardTabsToTheFiltersAndAppliesThem() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/groups");
        Actions keyboard = new Actions(browser);
        tabUntil(keyboard, "age", e -> String.valueOf(e.getAttribute("name")).endsWith("_age"));
        keyboard.sendKeys("15").perform();
        tabUntil(keyboard, "the care leavers tick", e -> "care-leaver".equals(e.getAttribute("value")));
        keyboard.sendKeys(Keys.SPACE).perform();
        tabUntil(keyboard, "Apply filters", e -> "Apply filters".equals(e.getText()));
        WebElement apply = browser.switchTo().activeElement();
        keyboard.sendKeys(Keys.ENTER).perform();
        Chromium.awaitNextPage(browser, apply);

        assertThat(results(browser)).isEqualTo(FOR_A_15_YEAR_OLD_CARE_LEAVER);
    }

    @Test
    void theDirectoryAGroupsPageAndTheMapReflowOnASmallPhone() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/groups");
        String ns = namespace(browser);
        for (String page : List.of("/groups", "/groups?" + ns + "age=15&" + ns + "who=care-leaver",
                "/groups?" + ns + "group=send-voice", "/groups?" + ns + "age=200")) {
            browser.get(portal.base() + page);
            Chromium.assertReflowsAtPhoneWidth(browser, page);
        }
    }

    @Test
    void anEditorPicksGroupsByHandAndTheDirectoryShowsOnlyThose() {
        WebDriver editor = browser;
        editor.manage().deleteAllCookies();
        Chromium.signIn(editor, portal.base(), "admin", adminPassword);
        try {
            editor.get(portal.base() + "/groups");
            editor.findElement(By.cssSelector("main section a[href*='configure=']")).click();
            Chromium.assertAccessible(editor, "The group directory's settings");
            editor.findElement(By.cssSelector("input[type=radio][name$='show'][value='picked']")).click();
            submitSettings(editor);
            // "Groups I choose" with none chosen cannot be saved.
            assertThat(editor.findElement(By.className("govuk-error-summary")).getText())
                    .contains("Choose at least one group to show");
            Chromium.assertAccessible(editor, "The group directory's settings with an error");
            new org.openqa.selenium.support.ui.Select(editor.findElement(By.cssSelector("select[name$='pick1']")))
                    .selectByVisibleText("Young Carers Forum");
            new org.openqa.selenium.support.ui.Select(editor.findElement(By.cssSelector("select[name$='pick2']")))
                    .selectByVisibleText("Care Leavers Forum");
            submitSettings(editor);

            editor.manage().deleteAllCookies();
            editor.get(portal.base() + "/groups");
            assertThat(results(editor)).containsExactly("Young Carers Forum", "Care Leavers Forum");
            assertThat(editor.findElements(By.cssSelector("main input[name$='_age']"))).isEmpty();
        } finally {
            // Back to every group with filters, for the other tests.
            Chromium.signIn(editor, portal.base(), "admin", adminPassword);
            editor.get(portal.base() + "/groups");
            editor.findElement(By.cssSelector("main section a[href*='configure=']")).click();
            editor.findElement(By.cssSelector("input[type=radio][name$='show'][value='all']")).click();
            submitSettings(editor);
            editor.manage().deleteAllCookies();
        }
    }

    private static void submitSettings(WebDriver driver) {
        WebElement button = driver.findElement(By.cssSelector("main form[action*='/configure/'] button[type=submit]"));
        button.click();
        Chromium.awaitNextPage(driver, button);
    }

    /** The names of the groups in the directory's results, in order. */
    private static List<String> results(WebDriver driver) {
        return driver.findElements(By.cssSelector(".pw-groups__result .pw-groups__name")).stream()
                .map(WebElement::getText).toList();
    }

    /** The directory instance's field prefix, read from its age field's name. */
    private static String namespace(WebDriver driver) {
        String name = driver.findElement(By.cssSelector("main input[name$='_age']")).getAttribute("name");
        return name.substring(0, name.length() - "age".length());
    }

    private void tabUntil(Actions keyboard, String what, java.util.function.Predicate<WebElement> reached) {
        for (int i = 0; i < 60; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            if (reached.test(active)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }
}
