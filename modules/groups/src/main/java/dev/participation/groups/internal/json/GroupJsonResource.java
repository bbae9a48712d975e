package dev.participation.groups.internal.json;

import java.net.URL;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.groups.api.GroupRules;
import dev.participation.groups.api.Groups;
import dev.participation.kit.json.JsonAddresses;

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
        return JsonAddresses.openApi(GroupJsonResource.class, OPENAPI);
    }

    @Override
    public Object get(JsonRequest request) {
        if (JsonAddresses.collection(request)) {
            DirectoryFilters.Search search = DirectoryFilters.read(request);
            return GroupJson.list(groups.search(search.query()), search.page(), search.query().size());
        }
        String slug = JsonAddresses.item(request, GroupRules::validSlug, "There is no group at this address.");
        return groups.find(slug).map(GroupJson::group)
                .orElseThrow(() -> ApiProblem.notFound("There is no group called '" + slug + "'."));
    }
}
