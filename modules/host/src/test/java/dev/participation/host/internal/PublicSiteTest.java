package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.host.internal.web.Site;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublicSiteTest {

    private final Portal portal = new Portal();
    private String introId;

    @BeforeEach
    void placeAnIntroduction() {
        introId = portal.instances.place("home", "introduction", Map.of("heading", "Your say matters",
                "text", "We listen.\n\nRead [our pledge](https://example.org/pledge).", "headingLevel", "2"), "test").id();
    }

    @Test
    void aVisitorSeesTheIntroductionAndNoEditingControls() {
        Http.Exchange x = portal.page("/");

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body())
                .contains("<html lang=\"en-GB\"")
                .contains("<title>Home - Have your say</title>")
                .contains("<a href=\"#main-content\" class=\"govuk-skip-link\"")
                .contains("<main class=\"govuk-main-wrapper\" id=\"main-content\">")
                .contains("<section id=\"w" + introId + "\"")
                .contains(">Your say matters</h2>")
                .contains("<a class=\"govuk-link\" href=\"https://example.org/pledge\">our pledge</a>")
                .contains("href=\"/sign-in\"")
                .doesNotContain("Configure")
                .doesNotContain("Add a widget")
                .doesNotContain("<script>");
        // A first-time visitor gets the cookie their forms' tokens are bound to.
        assertThat(x.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_visitor=").contains("HttpOnly")
                .contains("SameSite=Lax"));
    }

    @Test
    void aVisitorSeesAnIntroductionsNewWordsAsSoonAsTheyAreSavedAndEachPlacementKeepsItsOwnId() {
        assertThat(portal.page("/").body()).contains(">Your say matters</h2>");
        String other = portal.instances.place("home", "introduction", Map.of("heading", "Your say matters",
                "text", "We listen.\n\nRead [our pledge](https://example.org/pledge).", "headingLevel", "2"), "test").id();
        Cookie editor = portal.editor();

        Http.Exchange saved = portal.configureIntroduction(introId, "What you told us", "New words", "2", "1", editor);

        assertThat(saved.status()).isEqualTo(303);
        // The other placement, with the words the first one had, is still its own section with its own id.
        assertThat(portal.page("/").body()).contains(">What you told us</h2>").contains("New words")
                .contains("id=\"w" + introId + "_title\"").contains("id=\"w" + other + "_title\"")
                .containsOnlyOnce(">Your say matters</h2>");
    }

    @Test
    void aVisitorAskingForTheEditorFormStillSeesThePage() {
        Http.Exchange x = portal.page("/?configure=" + introId);

        assertThat(x.body()).contains(">Your say matters</h2>").doesNotContain("name=\"w" + introId + "_heading\"");
    }

    @Test
    void anEditorSeesConfigureAndTheFormHoldsTheStoredSettings() {
        Cookie editor = portal.editor();

        assertThat(portal.page("/", editor).body())
                .contains("href=\"/?configure=" + introId + "#w" + introId + "\">Configure");

        Http.Exchange form = portal.page("/?configure=" + introId, editor);
        assertThat(form.body())
                .contains("action=\"/home/configure/" + introId + "\"")
                .contains("name=\"w" + introId + "_heading\" type=\"text\" value=\"Your say matters\"")
                .contains("name=\"_csrf\" value=\"" + portal.token(editor) + "\"");
        assertThat(form.header("Cache-Control")).contains("no-store");
    }

    @Test
    void anEditorSavesValidSettingsAndSeesTheNoticeOnce() {
        Cookie editor = portal.editor();

        Http.Exchange saved = portal.configureIntroduction(introId, "  Tell us what you think ", "New words", "3", "1", editor);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains("/#w" + introId);
        assertThat(portal.instances.find(introId).orElseThrow().preferences())
                .containsEntry("heading", "Tell us what you think").containsEntry("headingLevel", "3")
                .containsEntry("text", "New words");

        Cookie notice = new Cookie("pw_notice", saved.cookie("pw_notice").orElseThrow());
        Http.Exchange next = portal.page("/", editor, notice);
        assertThat(next.body()).contains("The widget&#39;s settings were saved").contains(">Tell us what you think</h3>");
        assertThat(next.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_notice=;").contains("Max-Age=0"));
    }

    @Test
    void invalidSettingsComeBackWithWhatWasTypedAndTheReasons() {
        Cookie editor = portal.editor();
        String ns = "w" + introId + "_";

        Http.Exchange x = portal.post("/home/configure/" + introId, Map.of("_csrf", portal.token(editor),
                ns + "heading", "", ns + "text", "Kept <b>words</b>", ns + "headingLevel", "9"), editor);

        assertThat(x.status()).isEqualTo(400);
        assertThat(x.body())
                .contains("<title>Error: Home - Have your say</title>")
                .contains("There is a problem")
                .contains("<a href=\"#" + ns + "headingLevel\">Enter a number from 2 to 4</a>")
                .contains("<a href=\"#" + ns + "heading\">Enter a value</a>")
                .contains("value=\"9\"")
                .contains("Kept &lt;b&gt;words&lt;/b&gt;</textarea>");
        assertThat(portal.instances.find(introId).orElseThrow().preferences())
                .containsEntry("heading", "Your say matters");
    }

    /** A widget whose "which group" setting lists groups from data and which refuses a group that is gone. */
    private static Widget groupsWidget() {
        Widget w = mock(Widget.class);
        when(w.type()).thenReturn(new WidgetType("groups", "groups.name", "groups.description", "Test", List.of(
                PreferenceDefinition.choiceFromData("group", "groups.group", null, false, 40))));
        when(w.messages(any(Locale.class))).thenReturn(new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"groups.name", "Groups"}, {"groups.group", "Which group"},
                        {"groups.gone", "That group has closed"}};
            }
        });
        when(w.choices(any())).thenReturn(List.of(Choice.named("chess", "Chess club"),
                Choice.named("choir", "Youth choir")));
        when(w.validate(any())).thenAnswer(i -> "gone".equals(i.<Preferences>getArgument(0).get("group"))
                ? Map.of("group", Message.of("groups.gone")) : Map.of());
        when(w.render(any())).thenAnswer(i -> WidgetView.of("<p>Group " + i.<WidgetRequest>getArgument(0)
                .preferences().get("group") + "</p>"));
        return w;
    }

    @Test
    void choicesFromDataAreListedOnlyForTheSettingsFormAndTheWidgetChecksWhatIsSaved() {
        Widget groups = groupsWidget();
        portal.widgets.add(groups, null, true, 0);
        String id = portal.instances.place("groups", "groups", Map.of("group", "gone"), "test").id();
        String ns = "w" + id + "_";
        Cookie editor = portal.editor();

        Http.Exchange visit = portal.page("/groups");
        verify(groups, never()).choices(any());
        Http.Exchange form = portal.page("/groups?configure=" + id, editor);
        Http.Exchange refused = portal.post("/groups/configure/" + id, Map.of("_csrf", portal.token(editor),
                ns + "group", "gone", ns + "_version", "1"), editor);
        Http.Exchange saved = portal.post("/groups/configure/" + id, Map.of("_csrf", portal.token(editor),
                ns + "group", "choir", ns + "_version", "1"), editor);

        assertThat(visit.body()).contains("<p>Group gone</p>");
        assertThat(form.body()).contains("value=\"chess\"").contains("Chess club").contains("Youth choir");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<a href=\"#" + ns + "group\">That group has closed</a>");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(portal.instances.find(id).orElseThrow().preferences()).containsEntry("group", "choir");
    }

    @Test
    void postsWithoutOrWithAWrongTokenAreRefusedAndChangeNothing() {
        Cookie editor = portal.editor();
        String ns = "w" + introId + "_";

        Http.Exchange missing = portal.post("/home/configure/" + introId,
                Map.of(ns + "heading", "Hacked", ns + "headingLevel", "2"), editor);
        Http.Exchange wrong = portal.post("/home/configure/" + introId,
                Map.of("_csrf", portal.token(Portal.visitor()), ns + "heading", "Hacked", ns + "headingLevel", "2"),
                editor);
        Http.Exchange removal = portal.post("/home/remove/" + introId, Map.of("_csrf", "forged"), editor);

        for (Http.Exchange x : List.of(missing, wrong, removal)) {
            assertThat(x.status()).isEqualTo(403);
            assertThat(x.body()).contains("This form has expired").contains("href=\"/\"");
        }
        assertThat(portal.instances.onPage("home")).hasSize(1);
        assertThat(portal.instances.find(introId).orElseThrow().preferences()).containsEntry("heading", "Your say matters");
    }

    @Test
    void visitorsCannotUseTheEditorsPostsEvenWithAValidToken() {
        Cookie visitor = Portal.visitor();
        String ns = "w" + introId + "_";

        Http.Exchange x = portal.post("/home/configure/" + introId, Map.of("_csrf", portal.token(visitor),
                ns + "heading", "Hacked", ns + "headingLevel", "2"), visitor);
        Http.Exchange add = portal.post("/home/add", Map.of("_csrf", portal.token(visitor), "widgetType", "introduction"),
                visitor);

        assertThat(x.status()).isEqualTo(403);
        assertThat(add.status()).isEqualTo(403);
        assertThat(portal.instances.onPage("home")).hasSize(1);
        assertThat(portal.instances.find(introId).orElseThrow().preferences()).containsEntry("heading", "Your say matters");
    }

    @Test
    void anEditorAddsMovesAndRemovesWidgets() {
        Cookie editor = portal.editor();
        String token = portal.token(editor);

        Http.Exchange added = portal.post("/home/add", Map.of("_csrf", token, "widgetType", "introduction"), editor);
        String second = portal.instances.onPage("home").get(1).id();
        assertThat(added.header("Location")).contains("/?configure=" + second + "#w" + second);

        portal.post("/home/move/" + second, Map.of("_csrf", token, "direction", "up"), editor);
        assertThat(portal.instances.onPage("home")).extracting(i -> i.id()).containsExactly(second, introId);

        Http.Exchange confirm = portal.page("/?remove=" + second, editor);
        assertThat(confirm.body()).contains("Are you sure you want to remove")
                .contains("action=\"/home/remove/" + second + "\"");
        portal.post("/home/remove/" + second, Map.of("_csrf", token, "version", "1"), editor);
        assertThat(portal.instances.onPage("home")).extracting(i -> i.id()).containsExactly(introId);
    }

    @Test
    void aSaveOverSomeoneElsesChangeShowsTheirsAndKeepsWhatWasTyped() {
        Cookie editor = portal.editor();
        String ns = "w" + introId + "_";
        assertThat(portal.page("/?configure=" + introId, editor).body())
                .contains("<input type=\"hidden\" name=\"" + ns + "_version\" value=\"1\">");
        // Someone else saves while this editor is still typing.
        portal.instances.configure(introId, 1, Map.of("heading", "Tell us what you think", "text", "We listen.",
                "headingLevel", "2"), "other");

        Http.Exchange stale = portal.configureIntroduction(introId, "Your views count", "We listen.", "2", "1", editor);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body())
                .contains("<title>Error: Home - Have your say</title>")
                .contains("Someone else changed these settings after you opened this form")
                .contains("<a href=\"#" + ns + "heading\">")
                .contains("value=\"Your views count\"")
                .contains("as someone else saved it: <strong>Tell us what you think</strong>")
                .contains("<input type=\"hidden\" name=\"" + ns + "_version\" value=\"2\">");
        assertThat(stale.body().split("as someone else saved it")).hasSize(2); // only the heading differs
        assertThat(portal.instances.find(introId).orElseThrow().preferences())
                .containsEntry("heading", "Tell us what you think");

        // Having seen theirs, the editor saves again and theirs is replaced on purpose.
        Http.Exchange again = portal.configureIntroduction(introId, "Your views count", "We listen.", "2", "2", editor);
        assertThat(again.status()).isEqualTo(303);
        assertThat(portal.instances.find(introId).orElseThrow().preferences())
                .containsEntry("heading", "Your views count");
    }

    @Test
    void aFormWithoutAVersionOverwritesNothing() {
        Cookie editor = portal.editor();

        Http.Exchange x = portal.configureIntroduction(introId, "Hacked together", "We listen.", "2", "not a number", editor);

        assertThat(x.status()).isEqualTo(409);
        assertThat(portal.instances.find(introId).orElseThrow().preferences())
                .containsEntry("heading", "Your say matters");
    }

    @Test
    void removingAWidgetSomeoneElseJustChangedAsksAgain() {
        Cookie editor = portal.editor();
        portal.instances.configure(introId, Map.of("heading", "Tell us what you think", "text", "We listen.",
                "headingLevel", "2"), "other");

        Http.Exchange stale = portal.post("/home/remove/" + introId, Map.of("_csrf", portal.token(editor),
                "version", "1"), editor);

        assertThat(stale.status()).isEqualTo(303);
        assertThat(stale.header("Location")).contains("/?remove=" + introId + "#w" + introId);
        assertThat(portal.instances.onPage("home")).hasSize(1);
        Cookie notice = new Cookie("pw_notice", stale.cookie("pw_notice").orElseThrow());
        assertThat(portal.page("/?remove=" + introId, editor, notice).body())
                .contains("The widget was not removed: someone else changed its settings")
                .contains("<input type=\"hidden\" name=\"version\" value=\"2\">");
    }

    @Test
    void aFailingWidgetLeavesTheRestOfThePageWorking() {
        Widget broken = widget("broken");
        when(broken.render(any())).thenThrow(new IllegalStateException("database down"));
        portal.widgets.add(broken, null, true, 0);
        portal.instances.place("home", "broken", Map.of(), "test");

        Http.Exchange x = portal.page("/");

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains(">Your say matters</h2>").contains("this part of the page could not be shown")
                .doesNotContain("database down");
    }

    @Test
    void anInstanceWhoseBundleStoppedIsHiddenFromVisitorsAndFlaggedToEditors() {
        portal.instances.place("home", "events", Map.of(), "test");

        assertThat(portal.page("/").body()).doesNotContain("not running");
        assertThat(portal.page("/", portal.editor()).body()).contains("This widget&#39;s bundle is not running (events)");
    }

    @Test
    void unknownAddressesGetANotFoundPage() {
        Http.Exchange x = portal.page("/no-such-page");

        assertThat(x.status()).isEqualTo(404);
        assertThat(x.body()).contains("<title>Page not found - Have your say</title>").contains("Go to the home page");
    }

    @Test
    void theJsonApisAndHealthChecksAddressesAreNotMissingPagesWhileThosePartsStart() {
        Http.Exchange api = portal.page("/api/events?age=12");
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.header("Retry-After")).contains("5");
        assertThat(api.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"This part of the site is starting. Please try again in a few seconds.\","
                + "\"instance\":\"/api/events\"}");

        Http.Exchange health = portal.page("/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(health.body()).isEqualTo("{\"status\":\"TEMPORARILY_UNAVAILABLE\"}");

        assertThat(portal.page("/apiary").status()).as("a page's address that only starts like the API's").isEqualTo(404);
    }

    @Test
    void aWidgetViewThatNamesNothingGivesThePageItsNotFoundStatusAndTheRestStillShows() {
        Widget events = widget("events");
        when(events.render(any())).thenAnswer(i -> i.<WidgetRequest>getArgument(0).parameter("event").isPresent()
                ? WidgetView.titled("Event not found", "<p>There is no such event</p>").withStatus(WidgetView.NOT_FOUND)
                : WidgetView.of("<p>Every event</p>"));
        portal.widgets.add(events, null, true, 0);
        String id = portal.instances.place("events", "events", Map.of(), "test").id();

        Http.Exchange missing = portal.page("/events?w" + id + "_event=nothing-here");
        Http.Exchange list = portal.page("/events");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<title>Event not found - Have your say</title>")
                .contains("<p>There is no such event</p>");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<p>Every event</p>");
    }

    @Test
    void aWidgetTypeGetsItsOwnPageNamedAfterIt() {
        Widget events = widget("events");
        when(events.render(any())).thenAnswer(i -> WidgetView.of("<p>Events for " + i.<WidgetRequest>getArgument(0)
                .parameter("age").orElse("all") + "</p>"));
        portal.widgets.add(events, null, true, 0);
        String id = portal.instances.place("events", "events", Map.of(), "test").id();

        Http.Exchange x = portal.page("/events?w" + id + "_age=12&age=99");

        assertThat(x.body()).contains("<title>Events - Have your say</title>").contains("<h1 class=\"govuk-heading-xl\">Events</h1>")
                .contains("<p>Events for 12</p>").contains("href=\"/events\"");
    }

    @Test
    void aVisitorGoingFromPageToPageSeesEachPagesOwnTitleNavigationAndContent() {
        String firstHome = portal.page("/").body();
        Widget events = widget("events");
        when(events.render(any())).thenReturn(WidgetView.of("<p>Events soon</p>"));
        portal.widgets.add(events, null, true, 0);
        portal.instances.place("events", "events", Map.of(), "test");

        String eventsPage = portal.page("/events").body();
        String home = portal.page("/").body();

        assertThat(firstHome).doesNotContain("href=\"/events\"").contains("Your say matters").endsWith("</html>\n");
        assertThat(eventsPage).startsWith("<!DOCTYPE html>").contains("<title>Events - Have your say</title>")
                .contains("<p>Events soon</p>").doesNotContain("Your say matters").endsWith("</html>\n")
                .contains("href=\"/events\" aria-current=\"page\"");
        // The page added meanwhile is in the home page's navigation, and home is the current link again.
        assertThat(home).contains("<title>Home - Have your say</title>").contains("Your say matters")
                .contains("href=\"/events\">").contains("href=\"/\" aria-current=\"page\"")
                .doesNotContain("Events soon").endsWith("</html>\n");
    }

    @Test
    void aWidgetIsToldThePortalsTimeZone() {
        Widget events = widget("events");
        when(events.render(any())).thenAnswer(i -> WidgetView.of("<p>Times in "
                + i.<WidgetRequest>getArgument(0).timeZone().getId() + "</p>"));
        portal.widgets.add(events, null, true, 0);
        portal.instances.place("events", "events", Map.of(), "test");

        assertThat(portal.page("/events").body()).contains("<p>Times in " + Portal.ZONE.getId() + "</p>");
    }

    @Test
    void thePortalsTimeZoneIsTheParticipationClocks() {
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");

        Site site = new Site(Portal.config(Map.of()), java.time.Clock.fixed(Portal.NOW, tokyo));

        assertThat(site.zone()).isEqualTo(tokyo);
    }

    @Test
    void aRememberedChoiceFollowsTheVisitorToEveryInstanceOfThatWidget() {
        Widget pledge = widget("pledge");
        when(pledge.rememberedParameters()).thenReturn(java.util.Set.of("read"));
        when(pledge.render(any())).thenAnswer(i -> WidgetView.of("<p>Reading " + i.<WidgetRequest>getArgument(0)
                .parameter("read").orElse("standard") + "</p>"));
        portal.widgets.add(pledge, null, true, 0);
        String first = portal.instances.place("pledge", "pledge", Map.of(), "test").id();
        String second = portal.instances.place("home", "pledge", Map.of(), "test").id();

        Http.Exchange chose = portal.page("/pledge?w" + first + "_read=easy");
        assertThat(chose.body()).contains("<p>Reading easy</p>");
        Cookie kept = new Cookie("pw_keep_pledge_read", chose.cookie("pw_keep_pledge_read").orElseThrow());
        assertThat(kept.getValue()).isEqualTo("easy");
        // A session cookie: kept for the visit, gone when the browser closes.
        assertThat(chose.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_keep_pledge_read=easy;")
                .contains("HttpOnly").doesNotContain("Max-Age"));

        // Another page, another instance of the same widget, no parameter: the choice still holds.
        assertThat(portal.page("/", kept).body()).contains("<p>Reading easy</p>");
        assertThat(portal.page("/").body()).as("someone else").contains("<p>Reading standard</p>");
        // Values that are not plain words are neither kept nor passed on from the cookie.
        assertThat(portal.page("/", new Cookie("pw_keep_pledge_read", "<script>")).body())
                .contains("<p>Reading standard</p>");
        assertThat(second).isNotBlank();
    }

    @Test
    void aWidgetPostIsHandedOnWithItsOwnParametersAndRedirectsOnlyOnThisSite() {
        Widget events = widget("events");
        AtomicReference<WidgetRequest> seen = new AtomicReference<>();
        when(events.post(any())).thenAnswer(i -> {
            seen.set(i.getArgument(0));
            return PostOutcome.done("https://evil.example/", Message.of("preferences.saved"));
        });
        portal.widgets.add(events, null, true, 0);
        String id = portal.instances.place("events", "events", Map.of(), "test").id();
        Cookie visitor = Portal.visitor();

        Http.Exchange x = portal.post("/events/widgets/" + id, Map.of("_csrf", portal.token(visitor),
                "w" + id + "_name", "Sam", "w99_name", "Other"), visitor);

        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).contains("/events");
        assertThat(seen.get().parameters()).containsOnlyKeys("name");
        assertThat(seen.get().parameter("name")).contains("Sam");
        assertThat(seen.get().links().action()).isEqualTo("/events/widgets/" + id);
        assertThat(seen.get().links().view(Map.of("page", "2"))).isEqualTo("/events?w" + id + "_page=2");
        assertThat(seen.get().links().asset("app.css")).isEqualTo("/assets/w/events/app.css");
    }

    @Test
    void anInvalidWidgetPostShowsThePageWithTheWidgetsAnswer() {
        Widget events = widget("events");
        when(events.render(any())).thenReturn(WidgetView.of("<p>Normal view</p>"));
        when(events.post(any())).thenReturn(PostOutcome.invalid(WidgetView.of("<p>Enter your age</p>")));
        portal.widgets.add(events, null, true, 0);
        String id = portal.instances.place("events", "events", Map.of(), "test").id();
        Cookie visitor = Portal.visitor();

        Http.Exchange x = portal.post("/events/widgets/" + id, Map.of("_csrf", portal.token(visitor)), visitor);
        Http.Exchange refused = portal.post("/home/widgets/" + introId, Map.of("_csrf", portal.token(visitor)), visitor);
        Http.Exchange noToken = portal.post("/events/widgets/" + id, Map.of(), visitor);

        assertThat(x.status()).isEqualTo(400);
        assertThat(x.body()).contains("<p>Enter your age</p>").doesNotContain("Normal view");
        assertThat(refused.status()).isEqualTo(405);
        assertThat(noToken.status()).isEqualTo(403);
    }

    private static Widget widget(String key) {
        Widget w = mock(Widget.class);
        when(w.type()).thenReturn(new WidgetType(key, key + ".name", key + ".description", "Test", List.of()));
        when(w.messages(any(Locale.class))).thenReturn(new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{key + ".name", Character.toUpperCase(key.charAt(0)) + key.substring(1)}};
            }
        });
        when(w.post(any())).thenReturn(PostOutcome.notAccepted());
        return w;
    }

}
