package dev.participation.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless, and what every browser test checks in it: axe-core's verdict
 * on the page (WCAG 2.2 A and AA), no sideways scrolling at 320 px, the error summary's links
 * followed by keyboard, and signing in to the portal.
 *
 * <p>A module using it declares {@code selenium-java} and axe-core's {@code selenium} in test scope.
 */
public final class Chromium {

    /** The width WCAG 2.2's reflow criterion (1.4.10) names: a page must not scroll sideways at it. */
    public static final int PHONE_WIDTH = 320;

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Duration NEXT_PAGE = Duration.ofSeconds(10);

    private Chromium() {
    }

    /**
     * A fresh headless browser. Without Chromium the browser tests are skipped with a note on how
     * to install it, except in CI, where they must run.
     *
     * @param profile an empty folder of the test's own, which the browser keeps its profile in
     */
    public static WebDriver start(Path profile) {
        return start(profile, true);
    }

    /**
     * A fresh headless browser with JavaScript turned off for every page, as some visitors and
     * assistive tools browse: the driver still finds and clicks elements, but pages run no script
     * (so axe-core, which is a script, cannot run in it either).
     */
    public static WebDriver startWithoutJavaScript(Path profile) {
        return start(profile, false);
    }

    private static WebDriver start(Path profile, boolean javaScript) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String how = "Browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(how);
            }
            Assumptions.abort(how);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        // As root Chromium needs --no-sandbox; the rest keep it from reaching out or updating itself.
        // File access lets a page written to disk (see BrowserHost) load the stylesheets beside it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--allow-file-access-from-files", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        if (!javaScript) {
            // 2 blocks: the content setting a person sets under Site settings, JavaScript, "Don't allow".
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Closes the browsers a test started; one it never started (the test was skipped) is {@code null}. */
    public static void quit(WebDriver... browsers) {
        for (WebDriver browser : browsers) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    /** Fails listing every WCAG 2.2 A/AA rule axe-core finds broken on the current page. */
    public static void assertAccessible(WebDriver driver, String what) {
        List<Rule> violations = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver).getViolations();
        if (!violations.isEmpty()) {
            fail(what + " has accessibility violations:\n" + violations.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    /** Fails when the current page scrolls sideways at the window's present width. */
    public static void assertNoSidewaysScrolling(WebDriver driver, String what) {
        Object overflow = run(driver, "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(what + ": horizontal scrolling at "
                + driver.manage().window().getSize().getWidth() + " px").isLessThanOrEqualTo(0);
    }

    /**
     * Runs {@code check} with the window as narrow as a small phone, 320 px, then gives the window
     * its size back, whatever the check did.
     */
    public static void atPhoneWidth(WebDriver driver, Runnable check) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
        try {
            check.run();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** At 320 px the current page neither scrolls sideways nor breaks an axe-core rule. */
    public static void assertReflowsAtPhoneWidth(WebDriver driver, String what) {
        atPhoneWidth(driver, () -> {
            assertNoSidewaysScrolling(driver, what);
            assertAccessible(driver, what + " at " + PHONE_WIDTH + " px");
        });
    }

    /**
     * Presses Enter on the error summary's first link, as a keyboard user would; the test then
     * checks where that landed ({@code location.hash}, {@code document.activeElement.id}).
     */
    public static void followFirstErrorLink(WebDriver driver) {
        driver.findElement(By.cssSelector(".govuk-error-summary a")).sendKeys(Keys.ENTER);
    }

    /** What a script returns when run on the current page, such as {@code return location.hash}. */
    public static Object run(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * Signs in on the portal's sign-in page, as a person would: types the name and the password,
     * presses Enter and waits until the portal has moved on from the sign-in page.
     *
     * @param base the portal's address, such as {@code http://localhost:8080}
     */
    public static void signIn(WebDriver driver, String base, String username, String password) {
        driver.get(base + "/sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password + Keys.ENTER);
        new WebDriverWait(driver, NEXT_PAGE).withMessage(() -> username + " is still not signed in on "
                + driver.getCurrentUrl()).until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    /**
     * Waits until the page that held {@code element} has been replaced, as after pressing a form's
     * button. Selenium's own staleness check only knows the stale-element answer; while the next
     * page is still arriving Chromium may instead answer that the node "does not belong to the
     * document", which means the same.
     */
    public static void awaitNextPage(WebDriver driver, WebElement element) {
        new WebDriverWait(driver, NEXT_PAGE).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }
}
