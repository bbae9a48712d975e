package dev.participation.groups.internal.json;

import java.net.URL;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.groups.api.GroupRules;
import dev.participation.groups.api.Groups;

/**
 * {@code GET /api/groups} (the directory's search, with its filters and facet counts) and
 * {@code GET /api/groups/{slug}} (one group): the public directory for other council sites and
 * apps. It reads only the public search and {@link Groups#find}, whose answers carry no manager.
 */
@Component(service = JsonResource.class)
public final class GroupJsonResource implements JsonResource {

    public static final String NAME = "groups";
    static final String OPENAPI = "/dev/participation/groups/json/openapi.json";

    private final Groups groups;

    @Activate
    public GroupJsonResource(@Reference Groups groups) {
        this.groups = groups;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URL openApi() {
        return resource(OPENAPI);
    }

    static URL resource(String path) {
        URL url = GroupJsonResource.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing " + path);
        }
        return url;
    }

    @Override
    public Object get(JsonRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty() || segments.size() == 1 && segments.get(0).isEmpty()) {
            DirectoryFilters.Search search = DirectoryFilters.read(request);
            return GroupJson.list(groups.search(search.query()), search.page(), search.query().size());
        }
        String slug = segments.get(0);
        if (segments.size() > 1 || !GroupRules.validSlug(slug)) {
            throw ApiProblem.notFound("There is no group at this address.");
        }
        return groups.find(slug).map(GroupJson::group)
                .orElseThrow(() -> ApiProblem.notFound("There is no group called '" + slug + "'."));
    }
}
