package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.participation.testing.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The public pages in Chromium: accessible to axe-core, usable by keyboard, readable at 320 px. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private Portal portal;
    private String adminPassword;
    private WebDriver browser;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "browser-" + System.nanoTime());
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

    @Test
    void theAccessibilityCheckCatchesAnInaccessiblePage() {
        // Proves the oracle: a page with an unlabelled field and no language must be reported.
        browser.get("data:text/html,<title>x</title><form><input type=text></form>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Chromium.assertAccessible(browser, "A broken page"))
                .hasMessageContaining("label");
    }

    @Test
    void theHomePageHasNoAccessibilityViolations() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        Chromium.assertAccessible(browser, "The home page");
    }

    @Test
    void theSignInPageAndItsErrorsHaveNoAccessibilityViolations() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/sign-in");
        Chromium.assertAccessible(browser, "The sign-in page");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong password, clearly" + Keys.ENTER);
        WebElement summary = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.className("govuk-error-summary")));
        assertThat(summary.getText()).isNotBlank();
        Chromium.assertAccessible(browser, "The sign-in page with an error");
    }

    @Test
    void someoneUsingOnlyAKeyboardCanSignIn() {
        browser.manage().deleteAllCookies();
        browser.get(portal.base() + "/intranet");
        Actions keyboard = new Actions(browser);
        // Tab from the top of the page to the user name field, as a keyboard user would.
        for (int i = 0; i < 15 && !"username".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
        keyboard.sendKeys("admin").sendKeys(Keys.TAB).sendKeys(adminPassword).sendKeys(Keys.ENTER).perform();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/intranet"));
        assertThat(browser.getCurrentUrl()).endsWith("/intranet");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        Chromium.assertAccessible(browser, "The intranet home");
        for (String page : new String[] {"/intranet/audit", "/intranet/accounts", "/intranet/accounts?edit=admin",
            "/intranet/password", "/intranet/pledges/",
            "/intranet/pledge-evidence/", "/", "/pledge"}) {
            browser.get(portal.base() + page);
            Chromium.assertAccessible(browser, page + " as the administrator");
        }
        browser.get(portal.base() + "/pledge");
        browser.findElement(By.cssSelector("main section a[href*='configure=']")).click();
        Chromium.assertAccessible(browser, "A widget's settings form");
    }

    @Test
    void publicPagesReflowOnASmallPhone() {
        browser.manage().deleteAllCookies();
        Chromium.atPhoneWidth(browser, () -> {
            // The home page, and the demo pledge in full and the demo charter as cards.
            for (String page : new String[] {"/", "/pledge", "/sign-in"}) {
                browser.get(portal.base() + page);
                Chromium.assertNoSidewaysScrolling(browser, page);
            }
        });
    }
}
