package dev.participation.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;

import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.govuk.GovukFrontend;
import dev.participation.testing.FakeStaffRequest;

/**
 * A widget's or staff page's views in Chromium without a portal: each view is written into a
 * minimal page as a host draws one (a language, a title, one {@code h1}, a {@code main} landmark,
 * GOV.UK Frontend's styles as the hosts serve them) and opened from disk, so a widget's module can
 * check its own screens with axe-core, by keyboard and at 320 px.
 *
 * <pre>
 * &#64;TempDir static Path dir;
 * host = BrowserHost.start(dir, "Events").withAsset("/assets/events.css", "w/events/events.css");
 * host.show(view);
 * host.assertAccessible("The list");
 * </pre>
 */
public final class BrowserHost implements AutoCloseable {

    private final Path dir;
    private final String siteTitle;
    private final WebDriver browser;

    private BrowserHost(Path dir, String siteTitle, WebDriver browser) {
        this.dir = dir;
        this.siteTitle = siteTitle;
        this.browser = browser;
    }

    /**
     * Starts Chromium (or skips the test without it; see {@link Chromium#start}) with its profile and
     * the pages in {@code dir}.
     *
     * @param siteTitle the page's title and heading when a view has no title of its own
     */
    public static BrowserHost start(Path dir, String siteTitle) throws IOException {
        WebDriver browser = Chromium.start(Files.createDirectories(dir.resolve("profile")));
        Files.writeString(dir.resolve("govuk.css"), GovukFrontend.withoutTransport(GovukFrontend.load().stylesheet()),
                StandardCharsets.UTF_8);
        return new BrowserHost(dir, siteTitle, browser);
    }

    /**
     * Serves a stylesheet (or any file) of the widget's from its class path, where the views'
     * {@code /assets/...} links find it: a view linking {@code /assets/w/events/events.css} gets
     * {@code withAsset("/assets/events.css", "w/events/events.css")}.
     */
    public BrowserHost withAsset(String resource, String assetPath) throws IOException {
        try (InputStream in = BrowserHost.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            Path file = dir.resolve("assets").resolve(assetPath);
            Files.createDirectories(file.getParent());
            Files.write(file, in.readAllBytes());
        }
        return this;
    }

    public WebDriver browser() {
        return browser;
    }

    /** Opens the view inside a host's page; its title heads the page. */
    public void show(WidgetView view) {
        String title = view.title().orElse(siteTitle);
        // The views' links to their assets start at the site's root; the page on disk finds them beside it.
        String html = "<!DOCTYPE html><html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"govuk.css\"></head>"
                + "<body class=\"govuk-template__body govuk-frontend-supported\"><div class=\"govuk-width-container\">"
                + "<main class=\"govuk-main-wrapper\" id=\"main-content\"><h1 class=\"govuk-heading-l\">" + title
                + "</h1>" + view.html().replace("href=\"/assets/", "href=\"assets/") + "</main></div></body></html>";
        Path file = dir.resolve("page-" + System.nanoTime() + ".html");
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.get(file.toUri().toString());
    }

    /** Opens a staff page's screen at {@code path} as this person sees it; it must be there (200). */
    public void show(StaffPage page, String path, Person signedIn) {
        WidgetView view = page.render(FakeStaffRequest.to(page.key(), path, signedIn));
        assertThat(view.status()).as(path).isEqualTo(WidgetView.OK);
        show(view);
    }

    /** Opens the form a refused post is answered with. */
    public void showRefused(PostOutcome outcome) {
        assertThat(outcome).isInstanceOf(PostOutcome.Invalid.class);
        show(((PostOutcome.Invalid) outcome).view());
    }

    public void assertAccessible(String what) {
        Chromium.assertAccessible(browser, what);
    }

    /** At 320 px the page neither scrolls sideways nor breaks an axe-core rule. */
    public void assertReflowsAtPhoneWidth(String what) {
        Chromium.assertReflowsAtPhoneWidth(browser, what);
    }

    /** No axe-core violation at the usual width, nor at 320 px, where nothing scrolls sideways. */
    public void assertAccessibleAndReflows(String what) {
        assertAccessible(what);
        assertReflowsAtPhoneWidth(what);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
