package dev.participation.events.internal.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.widget.Links;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.EventType;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;
import dev.participation.events.internal.signup.Routes;
import dev.participation.kit.form.GetForm;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * Draws the public views that only read: the upcoming events list with its filters, one event's
 * page, and "not found". The widget decides which events and which view; this keeps the words
 * and the markup.
 */
public final class EventViews {

    private static final String EVENT = Routes.EVENT;
    private static final String SESSION = Routes.SESSION;

    private final Templates templates;

    public EventViews(Templates templates) {
        this.templates = templates;
    }

    /** What the list shows around the events: the widget's choices for this placement. */
    public record ListSettings(String stylesheet, int level, boolean showFilters, boolean cards) {
    }

    /**
     * The list. {@code found} is the events for {@code filter}, or empty when the filter needs
     * correcting (then nothing was looked up).
     */
    public WidgetView list(WidgetRequest request, ListSettings settings, EventFilter filter, List<PublicEvent> found,
            Instant now, Messages words) {
        Links links = request.links();
        String ns = request.namespace();
        ZoneId zone = request.timeZone();
        Map<String, String> back = filter.valid() ? filter.linkParameters() : Map.of();
        List<EventListView.Card> cards = new ArrayList<>();
        for (PublicEvent e : found) {
            EventText.Places places = EventText.places(e, now, zone, words);
            cards.add(new EventListView.Card(e.title(), links.view(with(back, EVENT, e.slug())), EventText.type(e, words),
                    EventText.dates(e, zone, words), EventText.where(e, words), EventText.ages(e.youngest(), e.oldest(),
                            words), places.key(), places.text()));
        }
        List<EventListView.Option> when = List.of(
                new EventListView.Option("", words.get("events.list.when.any"), filter.typed().get(EventFilter.WHEN).isBlank()),
                new EventListView.Option(EventFilter.WHEN_WEEK, words.get("events.list.when.week"),
                        EventFilter.WHEN_WEEK.equals(filter.typed().get(EventFilter.WHEN).strip())),
                new EventListView.Option(EventFilter.WHEN_MONTH, words.get("events.list.when.month"),
                        EventFilter.WHEN_MONTH.equals(filter.typed().get(EventFilter.WHEN).strip())));
        List<EventListView.Option> types = new ArrayList<>();
        for (EventType t : EventType.values()) {
            types.add(new EventListView.Option(t.key(), words.get("events.type." + t.key()),
                    filter.typesTyped().stream().anyMatch(typed -> typed.strip().equals(t.key()))));
        }
        Map<String, String> fieldErrors = new HashMap<>(filter.form().fieldErrors(words));
        String status = filter.valid() ? words.get("events.list.count", found.size())
                : words.get("events.list.correct");
        String clear = filter.narrowed() ? links.view(Map.of()) : "";
        EventListView view = new EventListView(settings.stylesheet(), settings.level(), settings.showFilters(),
                settings.cards(), GetForm.of(links.view(Map.of())), ns, filter.typed(), when, types, fieldErrors,
                filter.form().summary(ns, words), filter.valid(), status, cards, clear);
        return WidgetView.of(templates.render("list.ftlh", view, Map.of(), words));
    }

    /** One event's page, with every session and a way to sign up to each that takes sign-ups. */
    public WidgetView event(WidgetRequest request, PublicEvent event, String stylesheet, int level, Instant now,
            Messages words) {
        Links links = request.links();
        ZoneId zone = request.timeZone();
        List<EventPageView.SessionRow> rows = new ArrayList<>();
        for (PublicSession s : event.sessions()) {
            EventText.Places places = EventText.places(event, s, now, zone, words);
            String href = places.open() ? links.view(Map.of(EVENT, event.slug(), SESSION, Long.toString(s.id()))) : "";
            String button = words.get(s.placesLeft() > 0 ? "events.page.signUp" : "events.page.joinWaitingList");
            rows.add(new EventPageView.SessionRow(s.id(), s.label(), EventText.when(s, zone, words),
                    EventText.where(s, words), places.key(), places.text(), href, button));
        }
        EventFilter search = EventFilter.read(request.parameters(), zone, LocalDate.ofInstant(now, zone));
        String consent = event.youngest() != null && event.youngest() >= event.consentAge() ? ""
                : words.get("events.page.consent", event.consentAge());
        List<String> tags = event.tags().stream().sorted().map(t -> words.has("events.tag." + t)
                ? words.get("events.tag." + t) : t).toList();
        EventPageView view = new EventPageView(stylesheet, level, links.view(search.valid() ? search.linkParameters()
                : Map.of()), event.title(), EventText.type(event, words), event.description(),
                EventText.ages(event.youngest(), event.oldest(), words), tags, event.access(), event.food(), consent,
                rows);
        return WidgetView.titled(event.title(), templates.render("event.ftlh", view, Map.of(), words));
    }

    /** No published event at this address: a kind page with a 404, so the host says "not found". */
    public WidgetView notFound(WidgetRequest request, String stylesheet, int level, Messages words) {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", stylesheet);
        model.put("level", level);
        model.put("back", request.links().page());
        return WidgetView.titled(words.get("events.notFound.title"), templates.render("not-found.ftlh", model, words))
                .withStatus(WidgetView.NOT_FOUND);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.put(key, value);
        return all;
    }
}
