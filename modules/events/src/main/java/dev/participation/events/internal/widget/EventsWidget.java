package dev.participation.events.internal.widget;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.Set;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.EventQuery;
import dev.participation.events.api.EventRules;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Events;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;
import dev.participation.events.internal.store.BookingPageStore;
import dev.participation.events.internal.signup.ManageBooking;
import dev.participation.events.internal.signup.Routes;
import dev.participation.events.internal.signup.SignUpJourney;
import dev.participation.events.internal.view.EventFilter;
import dev.participation.events.internal.view.EventViews;
import dev.participation.kit.form.HandPicks;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.RecordIds;
import dev.participation.kit.template.Templates;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public events widget: upcoming events with filters that work as a plain GET form (so a
 * search has an address to share), a page for each event, each session's sign-up form and its
 * confirmation, and a booking's own page behind the link in its email.
 *
 * <p>Request parameters: the filter's ({@link EventFilter#PARAMETERS}); {@code event=<slug>} for
 * an event's page, with {@code session=<id>} for its sign-up form (and {@code signedUp=<form key>}
 * for the confirmation); {@code booking=<secret>} for a booking's page.
 */
@Component(service = Widget.class)
public final class EventsWidget implements Widget {

    public static final String KEY = "events";
    public static final String CATEGORY = "Participation";

    /** Preference: {@code all}, {@code type} (one kind), {@code tag} (one tag) or {@code picked} (by hand). */
    public static final String SHOW = "show";
    public static final String TYPE = "type";
    public static final String TAG = "tag";
    /** Preference: how many events at most. */
    public static final String COUNT = "count";
    /** Preference: {@code list} or {@code cards}. */
    public static final String LAYOUT = "layout";
    /** Preference: whether events that have ended are listed too. */
    public static final String PAST = "showPast";
    /** Preference: whether visitors get the filters. */
    public static final String FILTERS = "showFilters";
    public static final String LEVEL = "headingLevel";

    public static final String SHOW_ALL = "all";
    public static final String SHOW_TYPE = "type";
    public static final String SHOW_TAG = "tag";
    public static final String SHOW_PICKED = "picked";
    public static final String LAYOUT_LIST = "list";
    public static final String LAYOUT_CARDS = "cards";

    static final String TEMPLATES = "/dev/participation/events/templates/view";
    static final String STYLESHEET = "events.css";
    static final int SLUG_MAX = 60;
    // Compiled once: every post checks the session it names against it.
    static final int TAG_MAX = EventRules.TAG_MAX;
    /** Preferences: the events chosen by hand, when {@link #SHOW} is {@code picked}. */
    static final HandPicks PICKS = new HandPicks("events", SLUG_MAX);

    static final LanguageBundles WORDS = new LanguageBundles(EventsWidget.class,
            "dev/participation/events/widget/Language", "dev/participation/events/signup/Language",
            "dev/participation/events/shared/Language");

    public static final WidgetType TYPE_DECLARATION = new WidgetType(KEY, "events.name", "events.description",
            CATEGORY, definitions());

    private static List<PreferenceDefinition> definitions() {
        List<Choice> kinds = new ArrayList<>();
        kinds.add(Choice.keyed("", "events.pref.type.none"));
        for (EventType t : EventType.values()) {
            kinds.add(Choice.keyed(t.key(), "events.type." + t.key()));
        }
        List<PreferenceDefinition> all = new ArrayList<>();
        all.add(PreferenceDefinition.choice(SHOW, "events.pref.show", "events.pref.show.hint", SHOW_ALL, true,
                List.of(Choice.keyed(SHOW_ALL, "events.show.all"), Choice.keyed(SHOW_TYPE, "events.show.type"),
                        Choice.keyed(SHOW_TAG, "events.show.tag"), Choice.keyed(SHOW_PICKED, "events.show.picked"))));
        all.add(PreferenceDefinition.choice(TYPE, "events.pref.type", "events.pref.type.hint", "", false, kinds));
        all.add(PreferenceDefinition.text(TAG, "events.pref.tag", "events.pref.tag.hint", "", false, TAG_MAX));
        all.addAll(PICKS.definitions());
        all.add(PreferenceDefinition.integer(COUNT, "events.pref.count", "events.pref.count.hint", 20, 1, 100));
        all.add(PreferenceDefinition.choice(LAYOUT, "events.pref.layout", "events.pref.layout.hint", LAYOUT_LIST, true,
                List.of(Choice.keyed(LAYOUT_LIST, "events.layout.list"),
                        Choice.keyed(LAYOUT_CARDS, "events.layout.cards"))));
        all.add(PreferenceDefinition.bool(PAST, "events.pref.past", "events.pref.past.hint", false));
        all.add(PreferenceDefinition.bool(FILTERS, "events.pref.filters", "events.pref.filters.hint", true));
        all.add(PreferenceDefinition.integer(LEVEL, "events.pref.level", "events.pref.level.hint", 2, 2, 4));
        return all;
    }

    private final Events events;
    private final SignUpJourney journey;
    private final ManageBooking manage;
    private final Clock clock;
    private final EventViews views;

    private final BookingPageStore bookingPages;

    @Activate
    public EventsWidget(@Reference Events events, @Reference SignUpJourney journey, @Reference ManageBooking manage,
            @Reference Clock clock, @Reference BookingPageStore bookingPages) {
        this.bookingPages = bookingPages;
        this.events = events;
        this.journey = journey;
        this.manage = manage;
        this.clock = clock;
        this.views = new EventViews(Templates.of(EventsWidget.class, TEMPLATES));
    }

    @Override
    public WidgetType type() {
        return TYPE_DECLARATION;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return WORDS.forLocale(locale);
    }

    /** The upcoming published events, for the pick lists, read when the settings form is drawn. */
    @Override
    public List<Choice> choices(PreferenceDefinition preference) {
        return PICKS.choices(preference, () -> events.published(EventQuery.upcoming()).stream()
                .map(e -> Choice.named(e.slug(), e.title())).toList());
    }

    /** A picked event no longer published, or a choice with nothing chosen, cannot be saved. */
    @Override
    public Map<String, Message> validate(Preferences settings) {
        String show = settings.get(SHOW);
        Map<String, Message> errors = PICKS.check(settings, SHOW_PICKED.equals(show),
                slug -> findQuietly(slug).isPresent());
        if (SHOW_TYPE.equals(show) && settings.value(TYPE).isEmpty()) {
            errors.put(TYPE, Message.of("events.pref.type.missing"));
        }
        Optional<String> tag = settings.value(TAG);
        if (SHOW_TAG.equals(show) && tag.isEmpty()) {
            errors.put(TAG, Message.of("events.pref.tag.missing"));
        } else if (tag.isPresent() && !EventRules.validTag(tag.get())) {
            errors.put(TAG, Message.of("events.pref.tag.form"));
        }
        return errors;
    }

    @Override
    public Optional<Set<String>> viewParameters() {
        Set<String> names = new HashSet<>(EventFilter.PARAMETERS);
        names.add(Routes.EVENT);
        names.add(Routes.SESSION);
        names.add(Routes.BOOKING);
        names.addAll(journey.viewParameters());
        names.addAll(manage.viewParameters());
        return Optional.of(Set.copyOf(names));
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        // Only the host knows how it addresses this widget: remember it for the links in emails
        // about bookings staff make (written only when it changes).
        bookingPages.learn(journey.manageLink(request).to(BookingPageStore.TOKEN));
        Messages words = Messages.of(request.locale(), WORDS.forLocale(request.locale()));
        int level = level(request.preferences());
        String stylesheet = request.links().asset(STYLESHEET);
        Optional<String> booking = request.parameter(Routes.BOOKING).filter(t -> !t.isBlank());
        if (booking.isPresent()) {
            return manage.render(request, booking.get().strip(), stylesheet);
        }
        Optional<String> slug = request.parameter(Routes.EVENT).filter(s -> !s.isBlank());
        if (slug.isEmpty()) {
            return list(request, words, level, stylesheet);
        }
        Optional<PublicEvent> event = findQuietly(slug.get().strip());
        if (event.isEmpty()) {
            return views.notFound(request, stylesheet, level, words);
        }
        Optional<String> sessionId = request.parameter(Routes.SESSION).filter(s -> !s.isBlank());
        if (sessionId.isEmpty()) {
            return views.event(request, event.get(), stylesheet, level, clock.instant(), words);
        }
        Optional<PublicSession> session = sessionOf(event.get(), sessionId.get());
        if (session.isEmpty()) {
            return views.notFound(request, stylesheet, level, words);
        }
        // A confirmation is shown whatever the time; a new form only while the session takes sign-ups.
        Optional<WidgetView> done = journey.confirmation(request, event.get(), session.get());
        if (done.isPresent()) {
            return done.get();
        }
        if (!takesSignUps(event.get(), session.get())) {
            return views.event(request, event.get(), stylesheet, level, clock.instant(), words);
        }
        return journey.form(request, event.get(), session.get());
    }

    @Override
    public PostOutcome post(WidgetRequest request) {
        Messages words = Messages.of(request.locale(), WORDS.forLocale(request.locale()));
        int level = level(request.preferences());
        String stylesheet = request.links().asset(STYLESHEET);
        Optional<String> booking = request.parameter(Routes.BOOKING).filter(t -> !t.isBlank());
        if (booking.isPresent()) {
            return manage.post(request, booking.get().strip(), stylesheet);
        }
        Optional<PublicEvent> event = request.parameter(Routes.EVENT).map(String::strip).flatMap(this::findQuietly);
        if (event.isEmpty()) {
            return request.parameter(Routes.EVENT).isPresent()
                    ? PostOutcome.invalid(views.notFound(request, stylesheet, level, words))
                    : PostOutcome.notAccepted();
        }
        Optional<PublicSession> session = request.parameter(Routes.SESSION).flatMap(id -> sessionOf(event.get(), id));
        if (session.isEmpty()) {
            return PostOutcome.invalid(views.notFound(request, stylesheet, level, words));
        }
        if (!takesSignUps(event.get(), session.get())) {
            // Sign-up closed while the form was open: the event's page says how things stand.
            return PostOutcome.done(request.links().view(Map.of(Routes.EVENT, event.get().slug())));
        }
        return journey.post(request, event.get(), session.get());
    }

    private boolean takesSignUps(PublicEvent event, PublicSession session) {
        Instant now = clock.instant();
        return event.status().isPublic() && !now.isBefore(event.signUpOpens()) && now.isBefore(event.signUpCloses())
                && now.isBefore(session.end());
    }

    private WidgetView list(WidgetRequest request, Messages words, int level, String stylesheet) {
        Preferences prefs = request.preferences();
        Instant now = clock.instant();
        boolean picked = SHOW_PICKED.equals(prefs.get(SHOW));
        boolean showFilters = prefs.getBoolean(FILTERS) && !picked;
        EventFilter filter = EventFilter.read(showFilters ? request.parameters() : Map.of(), request.timeZone(),
                LocalDate.ofInstant(now, request.timeZone()));
        int limit = Math.max(1, Math.min(EventQuery.LIMIT_MAX, prefs.getInt(COUNT, 20)));
        boolean past = prefs.getBoolean(PAST);
        List<PublicEvent> found = List.of();
        if (picked) {
            List<String> slugs = HandPicks.picked(prefs);
            found = slugs.isEmpty() ? List.of() : events.published(new EventQuery(Set.of(), Set.of(), slugs, null, null,
                    null, past, limit));
        } else if (filter.valid()) {
            Set<EventType> kinds = SHOW_TYPE.equals(prefs.get(SHOW))
                    ? prefs.value(TYPE).flatMap(EventType::fromKey).map(t -> (Set<EventType>) EnumSet.of(t)).orElse(Set.of())
                    : Set.of();
            Set<String> tags = SHOW_TAG.equals(prefs.get(SHOW)) ? prefs.value(TAG).map(Set::of).orElse(Set.of())
                    : Set.of();
            found = events.published(filter.query(kinds, tags, past, limit));
        }
        return views.list(request, new EventViews.ListSettings(stylesheet, level, showFilters,
                LAYOUT_CARDS.equals(prefs.get(LAYOUT))), filter, found, now, words);
    }

    private static int level(Preferences prefs) {
        return Math.max(2, Math.min(4, prefs.getInt(LEVEL, 2)));
    }

    /** An address too long or oddly shaped to be an event's names none; no need to ask the store. */
    private Optional<PublicEvent> findQuietly(String slug) {
        if (!EventRules.validSlug(slug)) {
            return Optional.empty();
        }
        return events.find(slug);
    }

    private static Optional<PublicSession> sessionOf(PublicEvent event, String typedId) {
        OptionalLong typed = RecordIds.parse(typedId.strip());
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        long wanted = typed.getAsLong();
        return event.sessions().stream().filter(s -> s.id() == wanted).findFirst();
    }
}
