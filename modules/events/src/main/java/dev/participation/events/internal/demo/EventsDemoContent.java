package dev.participation.events.internal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import dev.participation.api.demo.DemoContent;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Events;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.PromotionMode;
import dev.participation.events.api.SessionDetails;
import dev.participation.kit.i18n.LanguageBundles;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's events: a residential activity week for 8 to 14 year olds with a session at each of
 * four centres, a consultation forum on play spaces and an online question time. Only the events:
 * the widget that shows them comes with its own placement. The words are in
 * {@code demo/Demo.properties}, so they can be translated; the dates are counted from the day the
 * demo is installed, so the events are upcoming and open for sign-up.
 */
@Component(service = DemoContent.class)
public final class EventsDemoContent implements DemoContent {

    public static final String KEY = "events.demo";

    private static final LanguageBundles DEMO = new LanguageBundles(EventsDemoContent.class,
            "dev/participation/events/demo/Demo");
    private static final ZoneId LOCAL = ZoneId.of("Europe/London");

    private final Events events;
    private final Clock clock;

    @Activate
    public EventsDemoContent(@Reference Events events, @Reference Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public void install(String actor) {
        ResourceBundle words = DEMO.forLocale(Locale.ROOT);
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        Set<String> existing = events.all().stream().map(e -> e.slug()).collect(Collectors.toSet());
        for (String slug : words.getString("events").split(",")) {
            String s = slug.strip();
            // An event an editor already made at this address is theirs: leave it.
            if (!existing.contains(s)) {
                List<SessionDetails> sessions = sessions(words, s, today);
                events.create(s, details(words, s, clock.instant(), sessions.get(0).start()), sessions, actor);
            }
        }
    }

    static EventDetails details(ResourceBundle words, String slug, Instant now, Instant firstStart) {
        String p = slug + ".";
        PromotionMode mode = PromotionMode.fromKey(words.getString(p + "promotion")).orElseThrow();
        Promotion promotion = new Promotion(mode, mode == PromotionMode.OFFER ? number(words, p + "offerHours") : 0,
                number(words, p + "stopsHoursBefore"));
        Set<String> tags = Arrays.stream(words.getString(p + "tags").split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        Instant closes = firstStart.minus(Duration.ofDays(number(words, p + "closesDaysBefore")));
        return new EventDetails(words.getString(p + "title"), words.getString(p + "description"),
                EventType.fromKey(words.getString(p + "type")).orElseThrow(), number(words, p + "youngest"),
                number(words, p + "oldest"), tags, words.getString(p + "access"),
                Boolean.parseBoolean(words.getString(p + "food")), now, closes, EventStatus.PUBLISHED,
                number(words, p + "consentAge"), promotion,
                words.containsKey(p + "onlineLinkMinutesBefore") ? number(words, p + "onlineLinkMinutesBefore") : 0);
    }

    static List<SessionDetails> sessions(ResourceBundle words, String slug, LocalDate today) {
        String p = slug + ".";
        Instant start = today.plusDays(number(words, p + "days"))
                .atTime(LocalTime.of(number(words, p + "time"), 0)).atZone(LOCAL).toInstant();
        Instant end = words.containsKey(p + "nights")
                ? start.atZone(LOCAL).plusDays(number(words, p + "nights")).withHour(15).toInstant()
                : start.plus(Duration.ofHours(number(words, p + "hours")));
        List<SessionDetails> sessions = new ArrayList<>();
        for (String key : words.getString(p + "sessions").split(",")) {
            String q = p + key.strip() + ".";
            sessions.add(new SessionDetails(words.getString(q + "label"), start, end, number(words, q + "capacity"),
                    words.getString(q + "place"), words.containsKey(q + "onlineLink") ? words.getString(q + "onlineLink")
                            : ""));
        }
        return sessions;
    }

    private static int number(ResourceBundle words, String key) {
        return Integer.parseInt(words.getString(key).strip());
    }
}
