package dev.participation.rest.internal.core;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import org.osgi.service.log.Logger;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.api.storage.Storage;
import dev.participation.api.widget.Choice;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;

/** Test doubles: widgets with English and Welsh texts, and a JSON resource with its own fragment. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ApiConfiguration config(String defaultLanguage, int maxAgeSeconds) {
        ApiConfiguration config = mock(ApiConfiguration.class);
        when(config.defaultLanguage()).thenReturn(defaultLanguage);
        when(config.maxAgeSeconds()).thenReturn(maxAgeSeconds);
        return config;
    }

    /** The API wired as DS would wire it, with these widgets bound and the database up. */
    public static JsonApi api(ApiConfiguration config, Logger logger, Widget... widgets) {
        WidgetTypesResource widgetTypes = new WidgetTypesResource(logger);
        for (Widget w : widgets) {
            widgetTypes.bindWidget(w, Map.of());
        }
        JsonApi api = new JsonApi(config, widgetTypes, logger);
        api.bindPlatformStorage(mock(Storage.class));
        return api;
    }

    static Map<String, Object> ranking(int ranking, long serviceId) {
        return Map.of("service.ranking", ranking, "service.id", serviceId);
    }

    /** A widget whose texts exist in English and Welsh. */
    static final class EventsWidget implements Widget {
        @Override
        public WidgetType type() {
            return new WidgetType("event-signup", "events.name", "events.description", "Participation", List.of(
                    PreferenceDefinition.text("heading", "pref.heading", "pref.heading.hint", "Events", true, 80),
                    PreferenceDefinition.integer("pageSize", "pref.pageSize", null, 10, 1, 50),
                    PreferenceDefinition.bool("showPast", "pref.showPast", null, false),
                    PreferenceDefinition.choice("audience", "pref.audience", "pref.audience.hint", "all", true,
                            List.of(Choice.keyed("all", "audience.all"), Choice.named("ycab", "Youth Cabinet"))),
                    PreferenceDefinition.multilineText("intro", "pref.intro", null, "", false, 0),
                    PreferenceDefinition.choiceFromData("group", "pref.group", null, false, 40)));
        }

        /** The groups that exist now: data, listed only when a settings form is described. */
        @Override
        public List<Choice> choices(PreferenceDefinition preference) {
            return preference.key().equals("group") ? List.of(Choice.named("chess", "Chess club"))
                    : preference.choices();
        }

        @Override
        public ResourceBundle messages(Locale locale) {
            return locale.getLanguage().equals("cy") ? WELSH : ENGLISH;
        }

        @Override
        public WidgetView render(WidgetRequest request) {
            throw new UnsupportedOperationException("the JSON API never renders widgets");
        }
    }

    /** A widget without any translation: every text falls back to its key. */
    static final class UntranslatedWidget implements Widget {
        @Override
        public WidgetType type() {
            return new WidgetType("acorn", "acorn.name", "acorn.description", "Other",
                    List.of(PreferenceDefinition.text("title", "acorn.title", null, "", false, 0)));
        }

        @Override
        public ResourceBundle messages(Locale locale) {
            throw new IllegalStateException("no Language.properties in this bundle");
        }

        @Override
        public WidgetView render(WidgetRequest request) {
            throw new UnsupportedOperationException("the JSON API never renders widgets");
        }
    }

    private static final ResourceBundle ENGLISH = bundle(new Object[][] {
            {"events.name", "Event sign-up"},
            {"events.description", "Lets people sign up to events"},
            {"pref.heading", "Heading"},
            {"pref.heading.hint", "Shown above the list"},
            {"pref.pageSize", "Events per page"},
            {"pref.showPast", "Show past events"},
            {"pref.audience", "Who it is for"},
            {"pref.audience.hint", "Only events for this group are listed"},
            {"audience.all", "Everyone"},
            {"pref.intro", "Introduction"}});

    private static final ResourceBundle WELSH = bundle(new Object[][] {
            {"events.name", "Cofrestru ar gyfer digwyddiad"},
            {"events.description", "Gadael i bobl gofrestru ar gyfer digwyddiadau"},
            {"pref.heading", "Pennawd"},
            {"audience.all", "Pawb"}});

    private static ResourceBundle bundle(Object[][] contents) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }

    record Thing(String id, String title, LocalDate opens, OffsetDateTime updated, String note,
            Optional<String> venue) {
    }

    record ThingList(List<Thing> items) {
    }

    static final Thing PARK = new Thing("park", "Skate park survey", LocalDate.of(2025, 3, 1),
            OffsetDateTime.of(2025, 2, 14, 9, 30, 0, 0, ZoneOffset.ofHours(1)), null, Optional.of("Town hall"));
    static final Thing BUS = new Thing("bus", "Bus routes", LocalDate.of(2025, 4, 2),
            OffsetDateTime.of(2025, 2, 1, 12, 0, 0, 0, ZoneOffset.UTC), null, Optional.empty());

    /** A resource as a widget bundle would publish one, with a fragment from a file. */
    static class Things implements JsonResource {
        private final String name;
        private final String fragment;

        Things() {
            this("things", "fragments/things.json");
        }

        Things(String name, String fragment) {
            this.name = name;
            this.fragment = fragment;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public URL openApi() {
            return fragment == null ? null : Fixtures.class.getResource(fragment);
        }

        @Override
        public Object get(JsonRequest request) {
            if (request.segments().isEmpty()) {
                return new ThingList(List.of(PARK, BUS));
            }
            if (request.segments().size() == 1) {
                return switch (request.segments().get(0)) {
                    case "park" -> PARK;
                    case "bus" -> BUS;
                    case "gone" -> throw new ApiProblem(410, "Gone", "This survey has closed.");
                    case "boom" -> throw new IllegalStateException(
                            "connection to jdbc:postgresql://db.internal/participation refused for user alice");
                    default -> throw ApiProblem.notFound("No such thing.");
                };
            }
            throw ApiProblem.notFound("No such thing.");
        }
    }
}
