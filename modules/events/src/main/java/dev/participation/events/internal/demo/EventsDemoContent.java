package dev.participation.events.internal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import dev.participation.kit.demo.DemoWords;

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

    private static final String DEMO = "dev/participation/events/demo/Demo";
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
        DemoWords words = DemoWords.of(EventsDemoContent.class, DEMO);
        LocalDate today = LocalDate.now(clock.withZone(LOCAL));
        Set<String> existing = events.all().stream().map(e -> e.slug()).collect(Collectors.toSet());
        for (String slug : words.list("events")) {
            // An event an editor already made at this address is theirs: leave it.
            if (!existing.contains(slug)) {
                List<SessionDetails> sessions = sessions(words, slug, today);
                events.create(slug, details(words, slug, clock.instant(), sessions.get(0).start()), sessions, actor);
            }
        }
    }

    static EventDetails details(DemoWords words, String slug, Instant now, Instant firstStart) {
        String p = slug + ".";
        PromotionMode mode = PromotionMode.fromKey(words.text(p + "promotion")).orElseThrow();
        Promotion promotion = new Promotion(mode, mode == PromotionMode.OFFER ? words.number(p + "offerHours") : 0,
                words.number(p + "stopsHoursBefore"));
        Instant closes = firstStart.minus(Duration.ofDays(words.number(p + "closesDaysBefore")));
        return new EventDetails(words.text(p + "title"), words.text(p + "description"),
                EventType.fromKey(words.text(p + "type")).orElseThrow(), words.number(p + "youngest"),
                words.number(p + "oldest"), Set.copyOf(words.list(p + "tags")), words.text(p + "access"),
                Boolean.parseBoolean(words.text(p + "food")), now, closes, EventStatus.PUBLISHED,
                words.number(p + "consentAge"), promotion,
                words.has(p + "onlineLinkMinutesBefore") ? words.number(p + "onlineLinkMinutesBefore") : 0);
    }

    static List<SessionDetails> sessions(DemoWords words, String slug, LocalDate today) {
        String p = slug + ".";
        Instant start = today.plusDays(words.number(p + "days"))
                .atTime(LocalTime.of(words.number(p + "time"), 0)).atZone(LOCAL).toInstant();
        Instant end = words.has(p + "nights")
                ? start.atZone(LOCAL).plusDays(words.number(p + "nights")).withHour(15).toInstant()
                : start.plus(Duration.ofHours(words.number(p + "hours")));
        List<SessionDetails> sessions = new ArrayList<>();
        for (String key : words.list(p + "sessions")) {
            String q = p + key + ".";
            sessions.add(new SessionDetails(words.text(q + "label"), start, end, words.number(q + "capacity"),
                    words.text(q + "place"), words.optional(q + "onlineLink")));
        }
        return sessions;
    }
}
