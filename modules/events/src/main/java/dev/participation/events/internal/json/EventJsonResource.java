package dev.participation.events.internal.json;

import java.net.URL;
import java.time.Clock;
import java.util.List;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.events.api.EventRules;
import dev.participation.events.api.Events;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/events} (upcoming published events with the places left in each session, filtered
 * by type, tag, age and dates) and {@code GET /api/events/{slug}} (one of them): for other council
 * sites and apps. It reads only {@link Events#published} and {@link Events#find}, whose answers
 * carry no online link and no one's name.
 */
@Component(service = JsonResource.class)
public final class EventJsonResource implements JsonResource {

    public static final String NAME = "events";
    static final String OPENAPI = "/dev/participation/events/json/openapi.json";

    private final Events events;
    private final Clock clock;

    @Activate
    public EventJsonResource(@Reference Events events, @Reference Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URL openApi() {
        URL url = EventJsonResource.class.getResource(OPENAPI);
        if (url == null) {
            throw new IllegalStateException("missing " + OPENAPI);
        }
        return url;
    }

    @Override
    public Object get(JsonRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty() || segments.size() == 1 && segments.get(0).isEmpty()) {
            return EventJson.list(events.published(EventFilters.read(request, clock.getZone())), clock.instant());
        }
        String slug = segments.get(0);
        if (segments.size() > 1 || !EventRules.validSlug(slug)) {
            throw ApiProblem.notFound("There is no event at this address.");
        }
        if (!request.parameters().isEmpty()) {
            throw ApiProblem.badRequest("An event's address takes no parameters.");
        }
        return events.find(slug).map(e -> EventJson.event(e, clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("There is no published event called '" + slug + "'."));
    }
}
