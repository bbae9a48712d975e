package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Public pages reused for visitors who are not signed in, and dropped when this node changes something. */
class PageCopiesTest {

    private final Portal portal = new Portal(Portal.config(Map.of()), 60);
    private final String introId = portal.instances.place("home", "introduction",
            Map.of("heading", "Your say matters", "text", "We listen.", "headingLevel", "2"), "test").id();

    @Test
    void visitorsShareACopyUntilAPostOnThisNodeDropsIt() throws Exception {
        assertThat(portal.page("/").body()).contains(">Your say matters</h2>");

        // A change this node did not handle (another node, say) shows once the copy expires ...
        portal.instances.configure(introId, Map.of("heading", "Tell us what you think", "text", "We listen.",
                "headingLevel", "2"), "elsewhere");
        Http.Exchange copy = portal.page("/");
        assertThat(copy.body()).contains(">Your say matters</h2>");
        assertThat(copy.header("Content-Language")).contains("en-GB");
        // ... while signed-in people always get the page as it is now.
        assertThat(portal.page("/", portal.editor()).body()).contains(">Tell us what you think</h2>");

        // Any post handled here (an editor saving, a pledge being published) drops every copy.
        Http.Exchange post = Http.post("/sign-out", Map.of());
        portal.pageCopies.doFilter(post.request, post.response, (request, response) -> { });
        assertThat(portal.page("/").body()).contains(">Tell us what you think</h2>");
    }

    @Test
    void aPageWithTheVisitorsOwnFormTokenIsNeverShared() {
        String key = "/groups|" + Locale.UK.toLanguageTag();
        portal.pageCopies.keep(key, "<form><input name=\"_csrf\" value=\"token-123\"></form>", "en-GB", "token-123");
        assertThat(portal.pageCopies.find(key)).isEmpty();

        portal.pageCopies.keep(key, "<p>No form here</p>", "en-GB", "token-123");
        assertThat(portal.pageCopies.find(key)).isPresent();
    }
}
