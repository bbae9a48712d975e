package dev.participation.sketch;

import java.net.URL;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/notices}: the notices current today in the council's time zone (the portal clock's),
 * newest first.
 */
@Component(service = JsonResource.class)
public final class NoticeJsonResource implements JsonResource {

    /** More than any board shows; a feed is not an archive. */
    static final int LIMIT = 100;

    private final Notices notices;
    private final Clock clock;

    @Activate
    public NoticeJsonResource(@Reference Notices notices, @Reference Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public URL openApi() {
        return NoticeJsonResource.class.getResource("openapi.json");
    }

    @Override
    public Object get(JsonRequest request) {
        if (!request.segments().stream().allMatch(String::isEmpty)) {
            throw ApiProblem.notFound("There is nothing at this address: the notices are at /api/notices.");
        }
        return notices.current(LocalDate.now(clock), LIMIT).stream()
                .map(n -> new NoticeJson(n.id(), n.content().title(), n.content().text(), n.content().until(),
                        n.postedAt()))
                .toList();
    }

    /** One notice as other sites read it; {@code until} is left out when the notice has no last day. */
    public record NoticeJson(long id, String title, String text, LocalDate until, java.time.Instant postedAt) {
    }
}
