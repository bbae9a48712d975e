package dev.participation.events.internal.json;

import java.net.URL;
import java.time.Clock;
import java.util.List;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.events.api.EventRules;
import dev.participation.events.api.Events;
import dev.participation.events.internal.mail.NoticeSettings;
import dev.participation.kit.json.JsonAddresses;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/events} (upcoming published events with the places left in each session, filtered
 * by type, tag, age and dates), {@code GET /api/events/{slug}} (one of them) and
 * {@code GET /api/events/calendar.ics} (the same list as an iCalendar feed, with cancelled events
 * marked until they would have ended): for other council sites, apps and calendar programs. It
 * reads only {@link Events#published}, {@link Events#calendar} and {@link Events#find}, whose
 * answers carry no online link and no one's name.
 */
@Component(service = JsonResource.class)
public final class EventJsonResource implements JsonResource {

    public static final String NAME = "events";
    static final String OPENAPI = "/dev/participation/events/json/openapi.json";

    /** The feed's address below {@code /api/events}: a dot is never in a slug, so no event can take it. */
    static final String CALENDAR = "calendar.ics";

    private final Events events;
    private final Clock clock;
    private final NoticeSettings settings;

    @Activate
    public EventJsonResource(@Reference Events events, @Reference Clock clock, @Reference NoticeSettings settings) {
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URL openApi() {
        return JsonAddresses.openApi(EventJsonResource.class, OPENAPI);
    }

    @Override
    public Object get(JsonRequest request) {
        if (JsonAddresses.collection(request)) {
            return EventJson.list(events.published(EventFilters.read(request, clock.getZone())), clock.instant());
        }
        if (request.segments().equals(List.of(CALENDAR))) {
            return EventCalendarFeed.of(events.calendar(EventFilters.read(request, clock.getZone())), settings,
                    clock.instant(), request.locale());
        }
        String slug = JsonAddresses.item(request, EventRules::validSlug, "There is no event at this address.");
        if (!request.parameters().isEmpty()) {
            throw ApiProblem.badRequest("An event's address takes no parameters.");
        }
        return events.find(slug).map(e -> EventJson.event(e, clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("There is no published event called '" + slug + "'."));
    }
}
