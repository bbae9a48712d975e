package dev.participation.rest.internal.core;

import static dev.participation.rest.internal.core.Fixtures.api;
import static dev.participation.rest.internal.core.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.log.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.api.storage.Storage;
import dev.participation.api.widget.Widget;
import dev.participation.rest.internal.core.Exchange.Result;
import dev.participation.rest.internal.core.Fixtures.EventsWidget;
import dev.participation.rest.internal.core.Fixtures.Things;
import dev.participation.rest.internal.core.Fixtures.UntranslatedWidget;

class JsonApiTest {

    private Logger logger;
    private JsonApi api;

    @BeforeEach
    void setUp() {
        logger = mock(Logger.class);
        api = api(config("en-GB", 0), logger, new EventsWidget(), new UntranslatedWidget());
        api.bindJsonResource(new Things(), Fixtures.ranking(0, 10));
    }

    @Test
    void widgetTypesAreListedByKeyWithEveryDeclarationTranslated() throws Exception {
        Result r = Exchange.get("/api/widget-types").sendTo(api);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode items = r.json().get("items");
        assertThat(items).extracting(n -> n.get("key").asText()).containsExactly("acorn", "event-signup");

        JsonNode events = items.get(1);
        assertThat(events.get("name").asText()).isEqualTo("Event sign-up");
        assertThat(events.get("description").asText()).isEqualTo("Lets people sign up to events");
        assertThat(events.get("category").asText()).isEqualTo("Participation");
        JsonNode prefs = events.get("preferences");
        assertThat(prefs).extracting(p -> p.get("key").asText())
                .containsExactly("heading", "pageSize", "showPast", "audience", "intro", "group");

        JsonNode heading = prefs.get(0);
        assertThat(heading.get("label").asText()).isEqualTo("Heading");
        assertThat(heading.get("hint").asText()).isEqualTo("Shown above the list");
        assertThat(heading.get("type").asText()).isEqualTo("TEXT");
        assertThat(heading.get("default").asText()).isEqualTo("Events");
        assertThat(heading.get("required").asBoolean()).isTrue();
        assertThat(heading.get("maxLength").asInt()).isEqualTo(80);
        assertThat(heading.has("min")).isFalse();
        assertThat(heading.has("choices")).isFalse();

        JsonNode pageSize = prefs.get(1);
        assertThat(pageSize.get("type").asText()).isEqualTo("INTEGER");
        assertThat(pageSize.get("min").asInt()).isEqualTo(1);
        assertThat(pageSize.get("max").asInt()).isEqualTo(50);
        assertThat(pageSize.get("default").asText()).isEqualTo("10");
        assertThat(pageSize.has("hint")).as("no hint declared").isFalse();
        assertThat(pageSize.has("maxLength")).isFalse();

        JsonNode audience = prefs.get(3);
        assertThat(audience.get("type").asText()).isEqualTo("CHOICE");
        assertThat(audience.get("choices")).extracting(c -> c.get("value").asText() + "=" + c.get("label").asText())
                .containsExactly("all=Everyone", "ycab=Youth Cabinet");

        JsonNode group = prefs.get(5);
        assertThat(group.get("type").asText()).isEqualTo("CHOICE");
        assertThat(group.get("choices")).extracting(c -> c.get("value").asText() + "=" + c.get("label").asText())
                .as("options a widget takes from data are listed when the form is described")
                .containsExactly("chess=Chess club");

        JsonNode intro = prefs.get(4);
        assertThat(intro.get("type").asText()).isEqualTo("MULTILINE_TEXT");
        assertThat(intro.has("maxLength")).as("0 means unlimited").isFalse();
        assertThat(intro.get("default").asText()).isEmpty();
    }

    @Test
    void aBrokenWidgetDoesNotHideTheOthers() throws Exception {
        WidgetTypesResource widgetTypes = new WidgetTypesResource(logger);
        Widget broken = mock(Widget.class);
        when(broken.type()).thenThrow(new IllegalStateException("bundle stopping"));
        widgetTypes.bindWidget(broken, Map.of());
        widgetTypes.bindWidget(new EventsWidget(), Map.of());
        JsonApi withBroken = new JsonApi(config("en-GB", 0), widgetTypes, logger);

        Result r = Exchange.get("/api/widget-types").sendTo(withBroken);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("items")).extracting(n -> n.get("key").asText()).containsExactly("event-signup");
        assertThat(Logs.throwables(logger, "error")).anyMatch(t -> "bundle stopping".equals(t.getMessage()));
    }

    @Test
    void widgetTypeTextsFollowAcceptLanguageAndFallBackToKeys() throws Exception {
        Result r = Exchange.get("/api/widget-types/event-signup").header("Accept-Language", "cy-GB, en;q=0.5")
                .sendTo(api);

        assertThat(r.status()).isEqualTo(200);
        JsonNode type = r.json();
        assertThat(type.get("name").asText()).isEqualTo("Cofrestru ar gyfer digwyddiad");
        assertThat(type.at("/preferences/0/label").asText()).isEqualTo("Pennawd");
        // No Welsh for this label in the test bundle: the key, never an error.
        assertThat(type.at("/preferences/1/label").asText()).isEqualTo("pref.pageSize");
        assertThat(type.at("/preferences/3/choices/0/label").asText()).isEqualTo("Pawb");
        assertThat(r.header("Vary")).isEqualTo("Accept-Language");

        Result untranslated = Exchange.get("/api/widget-types/acorn").sendTo(api);
        assertThat(untranslated.status()).isEqualTo(200);
        assertThat(untranslated.json().get("name").asText()).isEqualTo("acorn.name");
        assertThat(untranslated.json().at("/preferences/0/label").asText()).isEqualTo("acorn.title");
    }

    @Test
    void unknownWidgetTypeIsAProblem() throws Exception {
        Result r = Exchange.get("/api/widget-types/nope").sendTo(api);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("application/problem+json; charset=utf-8");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.json().get("title").asText()).isEqualTo("Not Found");
        assertThat(r.json().get("instance").asText()).isEqualTo("/api/widget-types/nope");
    }

    @Test
    void everyJsonAnswerCarriesTheHeadersPublicDataNeeds() throws Exception {
        for (String uri : List.of("/api/things", "/api/nothing", "/api/openapi.json")) {
            Result r = Exchange.get(uri).sendTo(api);
            assertThat(r.header("Access-Control-Allow-Origin")).as(uri).isEqualTo("*");
            assertThat(r.header("X-Content-Type-Options")).as(uri).isEqualTo("nosniff");
            assertThat(r.header("Cache-Control")).as(uri).isIn("no-cache", "no-store");
        }
    }

    @Test
    void cacheLifetimeIsConfigurable() throws Exception {
        JsonApi cached = api(config("en-GB", 60), logger);
        assertThat(Exchange.get("/api/widget-types").sendTo(cached).header("Cache-Control"))
                .isEqualTo("public, max-age=60");
        // Failures are never cached, whatever the setting.
        assertThat(Exchange.get("/api/widget-types/nope").sendTo(cached).header("Cache-Control"))
                .isEqualTo("no-store");
    }

    @Test
    void aResourceGetsDecodedSegmentsParametersAndTheCallersLanguage() throws Exception {
        JsonResource resource = mock(JsonResource.class);
        when(resource.name()).thenReturn("groups");
        when(resource.get(any())).thenReturn(Map.of("ok", true));
        api.bindJsonResource(resource, Map.of());

        Result r = Exchange.get("/api/groups/a%2Fb/caf%C3%A9+x/?age=12&for=care&for=send")
                .header("Accept-Language", "fr-CA;q=0.5, de;q=0.9, *;q=0.1").sendTo(api);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("ok").asBoolean()).isTrue();
        ArgumentCaptor<JsonRequest> captor = ArgumentCaptor.forClass(JsonRequest.class);
        verify(resource).get(captor.capture());
        JsonRequest request = captor.getValue();
        assertThat(request.segments()).containsExactly("a/b", "café+x");
        assertThat(request.parameters()).containsEntry("age", List.of("12")).containsEntry("for", List.of("care", "send"));
        assertThat(request.locale()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void withoutAcceptLanguageTheConfiguredLanguageIsUsed() throws Exception {
        JsonApi welsh = api(config("cy-GB", 0), logger, new EventsWidget());
        assertThat(Exchange.get("/api/widget-types/event-signup").sendTo(welsh).json().get("name").asText())
                .isEqualTo("Cofrestru ar gyfer digwyddiad");
        assertThat(Exchange.get("/api/widget-types/event-signup").header("Accept-Language", "not a ;; header")
                .sendTo(welsh).status()).isEqualTo(200);
    }

    @Test
    void recordsAndDatesAreWrittenAsIsoTextWithoutNulls() throws Exception {
        Result r = Exchange.get("/api/things/park").sendTo(api);

        assertThat(r.status()).isEqualTo(200);
        JsonNode park = r.json();
        assertThat(park.get("opens").asText()).isEqualTo("2025-03-01");
        assertThat(park.get("updated").asText()).isEqualTo("2025-02-14T09:30:00+01:00");
        assertThat(park.get("venue").asText()).isEqualTo("Town hall");
        assertThat(park.has("note")).as("null field left out").isFalse();
        assertThat(Exchange.get("/api/things/bus").sendTo(api).json().has("venue"))
                .as("empty Optional left out").isFalse();
        assertThat(r.contentLength()).isEqualTo(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void unknownNamesAndPathsAreProblemJson() throws Exception {
        for (String uri : List.of("/api/nothing-here", "/api/", "/api", "/api/openapi.json/more",
                "/api/widget-types/acorn/more", "/api/things/unknown")) {
            Result r = Exchange.get(uri).sendTo(api);
            assertThat(r.status()).as(uri).isEqualTo(404);
            assertThat(r.contentType()).as(uri).isEqualTo("application/problem+json; charset=utf-8");
            assertThat(r.json().get("status").asInt()).as(uri).isEqualTo(404);
            assertThat(r.json().get("type").asText()).as(uri).isEqualTo("about:blank");
            assertThat(r.body()).as(uri).doesNotContain("<html");
        }
    }

    @Test
    void whileTheDatabaseIsAwayANameWithNoResourceIsUnavailableNotGone() throws Exception {
        Storage platform = mock(Storage.class);
        api.unbindPlatformStorage(platform);

        Result away = Exchange.get("/api/events").sendTo(api);
        assertThat(away.status()).isEqualTo(503);
        assertThat(away.header("Retry-After")).isEqualTo("30");
        assertThat(away.header("Cache-Control")).isEqualTo("no-store");
        assertThat(away.contentType()).isEqualTo("application/problem+json; charset=utf-8");
        assertThat(away.json().get("title").asText()).isEqualTo("Service Unavailable");
        assertThat(away.json().get("detail").asText()).contains("Try again in a few minutes");
        assertThat(Exchange.get("/api/things/park").sendTo(api).status())
                .as("a resource that is there still answers").isEqualTo(200);
        assertThat(Exchange.get("/api/widget-types").sendTo(api).status()).isEqualTo(200);

        // Back, with a replacement bound before the old one is unbound, as a greedy reference does.
        api.bindPlatformStorage(platform);
        api.bindPlatformStorage(mock(Storage.class));
        api.unbindPlatformStorage(platform);
        Result gone = Exchange.get("/api/events").sendTo(api);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Retry-After")).isNull();
    }

    @Test
    void badPercentEncodingIsABadRequest() throws Exception {
        Result r = Exchange.get("/api/things/%E0%A4%A").sendTo(api);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anApiProblemKeepsItsStatusTitleAndDetail() throws Exception {
        Result r = Exchange.get("/api/things/gone").sendTo(api);

        assertThat(r.status()).isEqualTo(410);
        assertThat(r.json().get("title").asText()).isEqualTo("Gone");
        assertThat(r.json().get("detail").asText()).isEqualTo("This survey has closed.");
    }

    @Test
    void aProblemWithANonErrorStatusBecomesA500() throws Exception {
        JsonResource odd = mock(JsonResource.class);
        when(odd.name()).thenReturn("odd");
        when(odd.get(any())).thenThrow(new ApiProblem(302, "Found", "elsewhere"));
        api.bindJsonResource(odd, Map.of());

        assertThat(Exchange.get("/api/odd").sendTo(api).status()).isEqualTo(500);
    }

    @Test
    void anExceptionBecomesA500ProblemThatHidesItsMessage() throws Exception {
        Result r = Exchange.get("/api/things/boom").sendTo(api);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).isEqualTo("application/problem+json; charset=utf-8");
        assertThat(r.json().get("title").asText()).isEqualTo("Internal Server Error");
        assertThat(r.body()).doesNotContain("jdbc", "alice", "IllegalStateException", "at dev.");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        // ...but the log has it, for whoever has to fix it.
        assertThat(Logs.throwables(logger, "error")).singleElement()
                .satisfies(t -> assertThat(t).hasMessageContaining("jdbc:postgresql"));
    }

    @Test
    void aResourceAnsweringNullIsAServerError() throws Exception {
        JsonResource empty = mock(JsonResource.class);
        when(empty.name()).thenReturn("empty");
        api.bindJsonResource(empty, Map.of());

        assertThat(Exchange.get("/api/empty").sendTo(api).status()).isEqualTo(500);
    }

    @Test
    void writesAre405WithAllow() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE")) {
            Result r = Exchange.request(method, "/api/things").sendTo(api);
            assertThat(r.status()).as(method).isEqualTo(405);
            assertThat(r.header("Allow")).as(method).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(r.contentType()).as(method).isEqualTo("application/problem+json; charset=utf-8");
            assertThat(r.json().get("status").asInt()).as(method).isEqualTo(405);
        }
    }

    @Test
    void unknownMethodsAre501ProblemJson() throws Exception {
        for (String method : List.of("PROPFIND", "FOO", "get")) {
            Result r = Exchange.request(method, "/api/things").sendTo(api);
            assertThat(r.status()).as(method).isEqualTo(501);
            assertThat(r.contentType()).as(method).isEqualTo("application/problem+json; charset=utf-8");
            assertThat(r.json().get("title").asText()).as(method).isEqualTo("Not Implemented");
        }
    }

    @Test
    void optionsAnswersTheAllowedMethodsForCors() throws Exception {
        Result r = Exchange.request("OPTIONS", "/api/things").header("Origin", "https://other.example")
                .sendTo(api);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        Result get = Exchange.get("/api/things").sendTo(api);
        Result head = Exchange.request("HEAD", "/api/things").sendTo(api);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo(get.contentType());
        assertThat(head.contentLength()).isEqualTo(get.contentLength()).isPositive();
        assertThat(head.body()).isEmpty();
        assertThat(Exchange.request("HEAD", "/api/nothing").sendTo(api).status()).isEqualTo(404);
    }

    @Test
    void resourcesComeAndGoWithTheirBundles() throws Exception {
        Things things = new Things("surveys", "fragments/things.json");
        api.bindJsonResource(things, Map.of());
        assertThat(Exchange.get("/api/surveys/park").sendTo(api).status()).isEqualTo(200);

        api.unbindJsonResource(things);
        assertThat(Exchange.get("/api/surveys/park").sendTo(api).status()).isEqualTo(404);
    }

    @Test
    void theHigherRankedOfTwoResourcesWithOneNameAnswers() throws Exception {
        JsonResource low = mock(JsonResource.class);
        when(low.name()).thenReturn("pledges");
        when(low.get(any())).thenReturn("low");
        JsonResource high = mock(JsonResource.class);
        when(high.name()).thenReturn("pledges");
        when(high.get(any())).thenReturn("high");
        api.bindJsonResource(low, Fixtures.ranking(0, 20));
        api.bindJsonResource(high, Fixtures.ranking(5, 21));

        assertThat(Exchange.get("/api/pledges").sendTo(api).json().asText()).isEqualTo("high");
        api.unbindJsonResource(high);
        assertThat(Exchange.get("/api/pledges").sendTo(api).json().asText()).isEqualTo("low");
    }

    @Test
    void aResourceCannotTakeOverTheBuiltInNames() throws Exception {
        JsonResource squatter = mock(JsonResource.class);
        when(squatter.name()).thenReturn("widget-types");
        when(squatter.get(any())).thenReturn("squatted");
        JsonResource badName = mock(JsonResource.class);
        when(badName.name()).thenReturn("Two/Segments");
        api.bindJsonResource(squatter, Map.of());
        api.bindJsonResource(badName, Map.of());

        assertThat(Exchange.get("/api/widget-types").sendTo(api).json().has("items")).isTrue();
        assertThat(Logs.messages(logger, "error")).filteredOn(m -> m.contains("reserved")).hasSize(2);
    }

    @Test
    void aFileAnswerIsSentAsItIsWithItsMediaTypeAndHeadSendsOnlyItsLength() throws Exception {
        byte[] feed = "BEGIN:VCALENDAR\r\nSUMMARY:Caf\u00e9\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonResource calendar = mock(JsonResource.class);
        when(calendar.name()).thenReturn("calendar");
        when(calendar.get(any())).thenReturn(new dev.participation.api.json.FileAnswer("text/calendar; charset=utf-8", feed));
        api.bindJsonResource(calendar, Fixtures.ranking(0, 11));

        Result r = Exchange.get("/api/calendar").sendTo(api);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/calendar; charset=utf-8");
        assertThat(r.body()).isEqualTo(new String(feed, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.contentLength()).isEqualTo(feed.length);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");

        Result head = Exchange.request("HEAD", "/api/calendar").sendTo(api);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentLength()).isEqualTo(feed.length);
        assertThat(head.body()).isEmpty();
    }
}
