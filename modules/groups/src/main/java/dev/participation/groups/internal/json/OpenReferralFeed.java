package dev.participation.groups.internal.json;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.Groups;
import dev.participation.kit.json.JsonAddresses;

/**
 * The groups as an Open Referral UK 3.0 feed, the shape UK council directories exchange:
 * {@code GET /api/open-referral} (what this API is), {@code /api/open-referral/services} (a page
 * of services with their one-to-one fields) and {@code /api/open-referral/services/{id}} (one
 * service with its schedules, area, locations, contact and eligibility). Ids are name-based
 * UUIDs of the groups' addresses, so they stay the same across restarts and nodes.
 */
@Component(service = JsonResource.class, configurationPid = OpenReferralConfiguration.PID)
@Designate(ocd = OpenReferralConfiguration.class)
public final class OpenReferralFeed implements JsonResource {

    public static final String NAME = "open-referral";
    static final String OPENAPI = "/dev/participation/groups/json/openreferral-openapi.json";
    static final int DEFAULT_PER_PAGE = 20;
    static final Set<String> PARAMETERS = Set.of("search", "page", "per_page");

    private final Groups groups;
    private final OpenReferralServices services;
    private final Map<UUID, Long> groupIds = new ConcurrentHashMap<>();

    @Activate
    public OpenReferralFeed(@Reference Groups groups, OpenReferralConfiguration config) {
        this.groups = groups;
        this.services = new OpenReferralServices(config.groupPageAddress(), config.contactName(),
                config.contactEmail());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URL openApi() {
        return JsonAddresses.openApi(OpenReferralFeed.class, OPENAPI);
    }

    @Override
    public Object get(JsonRequest request) {
        List<String> segments = request.segments().stream().filter(s -> !s.isEmpty()).toList();
        Locale locale = request.locale() == null ? Locale.UK : request.locale();
        if (segments.isEmpty()) {
            return about();
        }
        if (!segments.get(0).equals("services") || segments.size() > 2) {
            throw ApiProblem.notFound("This feed has /services and /services/{id} only.");
        }
        if (segments.size() == 1) {
            return page(request, locale);
        }
        return service(segments.get(1))
                .map(g -> services.full(g, locale))
                .orElseThrow(() -> ApiProblem.notFound("There is no service with this id."));
    }

    private static Map<String, Object> about() {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("version", "3.0");
        about.put("profile", "https://openreferraluk.org/");
        about.put("openapi_url", "https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json");
        return about;
    }

    private Map<String, Object> page(JsonRequest request, Locale locale) {
        for (String name : request.parameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiProblem.badRequest("This feed does not filter by '" + name + "'; it takes "
                        + String.join(", ", new TreeSet<>(PARAMETERS)) + ".");
            }
        }
        String search = DirectoryFilters.single(request, "search", "");
        if (search.length() > DirectoryFilters.TEXT_MAX) {
            throw ApiProblem.badRequest("Parameter 'search' must be no more than " + DirectoryFilters.TEXT_MAX
                    + " characters.");
        }
        int page = DirectoryFilters.number(DirectoryFilters.single(request, "page", "1"), "page", 1,
                DirectoryFilters.PAGE_MAX);
        int perPage = DirectoryFilters.number(
                DirectoryFilters.single(request, "per_page", String.valueOf(DEFAULT_PER_PAGE)), "per_page", 1,
                GroupQuery.SIZE_MAX);
        DirectoryPage found = groups.search(
                new GroupQuery(search, null, Set.of(), Set.of(), Set.of(), (page - 1) * perPage, perPage));
        int totalPages = (found.total() + perPage - 1) / perPage;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total_items", found.total());
        answer.put("total_pages", totalPages);
        answer.put("page_number", page);
        answer.put("size", found.groups().size());
        answer.put("first_page", page == 1);
        answer.put("last_page", page >= totalPages);
        answer.put("empty", found.groups().isEmpty());
        answer.put("contents", found.groups().stream().map(g -> services.summary(g, locale)).toList());
        return answer;
    }

    /**
     * The group whose id this is. Ids are hashes of addresses and cannot be turned back, so each
     * node remembers which group each id it has seen names; a new id (a group added since, or on
     * another node) means looking at every group once more. What is remembered is only a hint:
     * the group is read afresh and its id checked, so a stale hint never answers.
     */
    private Optional<Group> service(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!uuid.toString().equalsIgnoreCase(id)) {
            return Optional.empty();
        }
        Long known = groupIds.get(uuid);
        if (known != null) {
            Optional<Group> group = groups.group(known)
                    .filter(g -> OpenReferralServices.serviceId(g.slug()).equals(uuid));
            if (group.isPresent()) {
                return group;
            }
        }
        Optional<Group> found = Optional.empty();
        for (Group g : groups.all()) {
            UUID gid = OpenReferralServices.serviceId(g.slug());
            groupIds.put(gid, g.id());
            if (gid.equals(uuid)) {
                found = Optional.of(g);
            }
        }
        return found;
    }
}
