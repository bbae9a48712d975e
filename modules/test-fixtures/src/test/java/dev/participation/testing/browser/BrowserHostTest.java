package dev.participation.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/**
 * The oracles every widget's browser tests lean on, proved once: axe-core reports a broken page,
 * a page too wide for a phone fails the reflow check, a refused form's summary link is followed by
 * keyboard, and a well-made page in the host's frame passes. Skipped without Chromium, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserHostTest {

    private static final String FORM = "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">"
            + "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
            + "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">"
            + "<li><a href=\"#name\">Enter a name</a></li></ul></div></div></div>"
            + "<form method=\"post\" novalidate><div class=\"govuk-form-group govuk-form-group--error\">"
            + "<label class=\"govuk-label\" for=\"name\">Name</label>"
            + "<p id=\"name-error\" class=\"govuk-error-message\">Enter a name</p>"
            + "<input class=\"govuk-input govuk-input--error\" id=\"name\" name=\"name\" type=\"text\" "
            + "aria-describedby=\"name-error\"></div>"
            + "<button type=\"submit\" class=\"govuk-button\">Save</button></form>";

    @TempDir
    static Path dir;

    private BrowserHost host;

    @BeforeAll
    void start() throws IOException {
        host = BrowserHost.start(dir, "Sketches");
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void axeCoreReportsAnUnlabelledField() {
        host.show(WidgetView.titled("Broken", "<form><input type=\"text\" name=\"x\"></form>"));

        assertThatThrownBy(() -> host.assertAccessible("A broken page")).hasMessageContaining("A broken page")
                .hasMessageContaining("label");
    }

    @Test
    void aPageWiderThanAPhoneDoesNotReflow() {
        host.show(WidgetView.titled("Wide", "<p style=\"width: 600px\">A line that will not wrap.</p>"));

        assertThatThrownBy(() -> host.assertReflowsAtPhoneWidth("A wide page"))
                .hasMessageContaining("horizontal scrolling at 320 px");
        assertThat(host.browser().manage().window().getSize().getWidth()).as("the window's size given back")
                .isEqualTo(1280);
    }

    @Test
    void aRefusedFormInTheHostsFrameIsAccessibleAndItsSummaryLeadsToTheField() {
        host.showRefused(PostOutcome.invalid(WidgetView.titled("Your name", FORM)));

        assertThat(host.browser().getTitle()).isEqualTo("Your name");
        assertThat(host.browser().findElement(By.tagName("h1")).getText()).isEqualTo("Your name");
        host.assertAccessibleAndReflows("A refused form");
        Chromium.followFirstErrorLink(host.browser());
        assertThat(Chromium.run(host.browser(), "return location.hash")).isEqualTo("#name");
    }

    @Test
    void aViewWithoutATitleIsHeadedByTheSite() {
        host.show(WidgetView.of("<p class=\"govuk-body\">Hello.</p>"));

        assertThat(host.browser().getTitle()).isEqualTo("Sketches");
        host.assertAccessible("An untitled view");
    }
}
