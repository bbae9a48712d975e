package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.host.internal.site.AnonymousPages;
import dev.participation.host.internal.site.PageRef;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Public pages reused for visitors who are not signed in: keyed on the parameters their widgets
 * read, dropped page by page when this node changes something.
 */
class PageCopiesTest {

    private final Portal portal = new Portal(Portal.config(Map.of()), 60);
    private final String introId = portal.instances.place("home", "introduction",
            Map.of("heading", "Your say matters", "text", "We listen.", "headingLevel", "2"), "test").id();

    /** Says how often it was asked to render, and which "page" parameter it was given. */
    private static final class Counting implements Widget {
        private final String key;
        private final Optional<Set<String>> reads;
        int renders;
        PostOutcome outcome = PostOutcome.done("/");

        Counting(String key, Optional<Set<String>> reads) {
            this.key = key;
            this.reads = reads;
        }

        @Override
        public WidgetType type() {
            return new WidgetType(key, key + ".name", key + ".description", "Test", List.of());
        }

        @Override
        public ResourceBundle messages(Locale locale) {
            return new ListResourceBundle() {
                @Override
                protected Object[][] getContents() {
                    return new Object[][] {{key + ".name", key}, {key + ".description", key}};
                }
            };
        }

        @Override
        public Optional<Set<String>> viewParameters() {
            return reads;
        }

        @Override
        public WidgetView render(WidgetRequest request) {
            renders++;
            return WidgetView.of("<p>" + key + " page " + request.parameter("page").orElse("1") + ", render "
                    + renders + "</p>");
        }

        @Override
        public PostOutcome post(WidgetRequest request) {
            return outcome;
        }
    }

    private Counting place(String pageKey, String key, Optional<Set<String>> reads, Bundle bundle) {
        Counting widget = new Counting(key, reads);
        portal.widgets.add(widget, bundle, true, 0);
        portal.instances.place(pageKey, key, Map.of(), "test");
        return widget;
    }

    private String idOf(String pageKey, String type) {
        return portal.instances.onPage(pageKey).stream().filter(i -> i.widgetType().equals(type)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void queryStringsNoWidgetReadsShareOneCopy() {
        Counting notices = place("home", "notices", Optional.of(Set.of("page")), null);
        String ns = "w" + idOf("home", "notices") + "_";

        assertThat(portal.page("/").body()).contains("notices page 1, render 1");
        for (String query : List.of("?r=12345", "?utm_source=newsletter&r=9", "?" + ns + "sort=new",
                "?w" + introId + "_anything=1")) {
            assertThat(portal.page("/" + query).body()).as(query).contains("notices page 1, render 1");
        }

        // A parameter the widget reads is a page of its own, shared by every other query around it.
        assertThat(portal.page("/?" + ns + "page=2").body()).contains("notices page 2, render 2");
        assertThat(portal.page("/?r=7&" + ns + "page=2&utm_campaign=x").body()).contains("notices page 2, render 2");
        assertThat(notices.renders).isEqualTo(2);
    }

    @Test
    void aWidgetThatDoesNotSayWhatItReadsGetsACopyPerValueOfItsOwnParameters() {
        Counting legacy = place("home", "legacy", Optional.empty(), null);
        String ns = "w" + idOf("home", "legacy") + "_";

        assertThat(portal.page("/?" + ns + "sort=new").body()).contains("render 1");
        assertThat(portal.page("/?" + ns + "sort=old").body()).contains("render 2");
        assertThat(portal.page("/?" + ns + "sort=new&utm_source=x").body()).contains("render 1");
        assertThat(legacy.renders).isEqualTo(2);
    }

    @Test
    void anEditorsChangeDropsOnlyThatPagesCopies() {
        Counting notices = place("notices", "notices", Optional.of(Set.of()), null);
        assertThat(portal.page("/").body()).contains(">Your say matters</h2>");
        assertThat(portal.page("/notices").body()).contains("render 1");

        Cookie editor = portal.editor();
        Http.Exchange saved = portal.configureIntroduction(introId, "Tell us what you think", "We listen.", "2", "1", editor);
        assertThat(saved.status()).isEqualTo(303);

        assertThat(portal.page("/").body()).contains(">Tell us what you think</h2>");
        assertThat(portal.page("/notices").body()).contains("render 1");
        assertThat(notices.renders).isEqualTo(1);
    }

    @Test
    void aChangeThisNodeDidNotMakeShowsOnlyOnceTheCopyExpires() {
        assertThat(portal.page("/").body()).contains(">Your say matters</h2>");

        // Another node sharing the database, say: nothing here hears of it.
        portal.instances.configure(introId, Map.of("heading", "Tell us what you think", "text", "We listen.",
                "headingLevel", "2"), "elsewhere");

        Http.Exchange copy = portal.page("/");
        assertThat(copy.body()).contains(">Your say matters</h2>");
        assertThat(copy.header("Content-Language")).contains("en-GB");
        // Signed-in people always get the page as it is now.
        assertThat(portal.page("/", portal.editor()).body()).contains(">Tell us what you think</h2>");
    }

    @Test
    void aStaffPagesChangeDropsThePagesShowingItsBundlesWidgetsAtOnce() {
        Bundle pledgeBundle = mock(Bundle.class);
        Bundle otherBundle = mock(Bundle.class);
        Counting pledge = place("pledge", "pledge", Optional.of(Set.of()), pledgeBundle);
        portal.instances.place("home", "pledge", Map.of(), "test");
        Counting events = place("events", "events", Optional.of(Set.of()), otherBundle);
        for (String path : List.of("/", "/pledge", "/events")) {
            portal.page(path);
        }
        assertThat(pledge.renders).isEqualTo(2);
        assertThat(events.renders).isEqualTo(1);

        StaffPage authoring = mock(StaffPage.class);
        when(authoring.key()).thenReturn("pledges");
        when(authoring.requiredRole()).thenReturn(Roles.EDITOR);
        when(authoring.action(any())).thenReturn(Optional.of("publish"));
        StaffAction publish = mock(StaffAction.class);
        when(publish.requiredRole()).thenReturn(Roles.EDITOR);
        when(publish.post(any())).thenReturn(PostOutcome.done("/intranet/pledges/"));
        portal.staffActions.add("pledges", "publish", publish);
        portal.staffPages.add(authoring, pledgeBundle);
        Cookie editor = portal.editor();
        Http.Exchange published = Portal.run(portal.intranet,
                Http.post("/intranet/pledges/7/publish", Map.of("_csrf", portal.token(editor)), editor));
        assertThat(published.status()).isEqualTo(303);

        // Both pages holding a pledge show the change at once; the events page keeps its copy.
        portal.page("/");
        portal.page("/pledge");
        portal.page("/events");
        assertThat(pledge.renders).isEqualTo(4);
        assertThat(events.renders).isEqualTo(1);
    }

    @Test
    void aVisitorsPostToAWidgetDropsThePagesShowingThatType() {
        Counting poll = place("poll", "poll", Optional.of(Set.of()), null);
        Counting other = place("other", "other", Optional.of(Set.of()), null);
        portal.page("/poll");
        portal.page("/other");

        Cookie visitor = Portal.visitor();
        Http.Exchange voted = portal.post("/poll/widgets/" + idOf("poll", "poll"),
                Map.of("_csrf", portal.token(visitor)), visitor);
        assertThat(voted.status()).isEqualTo(303);

        portal.page("/poll");
        portal.page("/other");
        assertThat(poll.renders).isEqualTo(2);
        assertThat(other.renders).isEqualTo(1);
    }

    @Test
    void theNumberOfCopiesIsBounded() {
        Counting notices = place("notices", "notices", Optional.of(Set.of("page")), null);
        String ns = "w" + idOf("notices", "notices") + "_";
        // The portal keeps at most 10 copies here; 15 different pages make the first ones go.
        for (int page = 1; page <= 15; page++) {
            portal.page("/notices?" + ns + "page=" + page);
        }
        assertThat(notices.renders).isEqualTo(15);

        portal.page("/notices?" + ns + "page=15");
        assertThat(notices.renders).as("the newest copy is kept").isEqualTo(15);
        portal.page("/notices?" + ns + "page=1");
        assertThat(notices.renders).as("the oldest made room").isEqualTo(16);
    }

    @Test
    void aPageRenderedFromDataReadBeforeAChangeIsNotKept() {
        AnonymousPages copies = portal.pageCopies;
        AnonymousPages.Shape shape = new AnonymousPages.Shape(Set.of("introduction"), Set.of(), Set.of(), Set.of());
        long before = copies.changes();
        copies.forgetPage(PageRef.home());

        copies.keep("home|en-GB", "home", shape, "<p>Old words</p>", "en-GB", "token-123", before);

        assertThat(copies.find("home|en-GB")).isEmpty();
    }

    @Test
    void aPageWithTheVisitorsOwnFormTokenIsNeverShared() {
        AnonymousPages copies = portal.pageCopies;
        AnonymousPages.Shape shape = new AnonymousPages.Shape(Set.of("groups"), Set.of(), Set.of(), Set.of());
        String key = "groups|" + Locale.UK.toLanguageTag();
        copies.keep(key, "groups", shape, "<form><input name=\"_csrf\" value=\"token-123\"></form>", "en-GB",
                "token-123", copies.changes());
        assertThat(copies.find(key)).isEmpty();

        copies.keep(key, "groups", shape, "<p>No form here</p>", "en-GB", "token-123", copies.changes());
        assertThat(copies.find(key)).isPresent();
    }
}
