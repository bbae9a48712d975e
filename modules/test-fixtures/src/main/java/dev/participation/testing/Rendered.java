package dev.participation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;

/**
 * What a page answered, read as a browser would: the HTML parsed by jsoup, so a test asks for ids,
 * labels, hints and errors by selector; and the outcome of a post checked before it is read.
 */
public final class Rendered {

    private Rendered() {
    }

    /** A view's HTML, parsed. */
    public static Document html(WidgetView view) {
        return Jsoup.parseBodyFragment(view.html());
    }

    /** A staff page's screen at {@code path} as participation staff see it; it must be there (200). */
    public static Document staffPage(StaffPage page, String path) {
        return staffPage(page, FakeStaffRequest.to(page.key(), path));
    }

    /** A staff page's screen for this request; it must be there (200). */
    public static Document staffPage(StaffPage page, FakeStaffRequest request) {
        WidgetView view = page.render(request);
        assertThat(view.status()).as(request.path()).isEqualTo(WidgetView.OK);
        return html(view);
    }

    /** The form a refused post is answered with; any other outcome fails the test. */
    public static Document invalid(PostOutcome outcome) {
        assertThat(outcome).isInstanceOf(PostOutcome.Invalid.class);
        return html(((PostOutcome.Invalid) outcome).view());
    }

    /** The form drawn again as the person asked (one more row, one fewer); any other outcome fails the test. */
    public static Document redrawn(PostOutcome outcome) {
        assertThat(outcome).isInstanceOf(PostOutcome.Redrawn.class);
        return html(((PostOutcome.Redrawn) outcome).view());
    }

    /** The key of the notice a post that was done leaves (empty when none); any other outcome fails the test. */
    public static String notice(PostOutcome outcome) {
        assertThat(outcome).isInstanceOf(PostOutcome.Done.class);
        return ((PostOutcome.Done) outcome).notice().map(Message::key).orElse("");
    }
}
