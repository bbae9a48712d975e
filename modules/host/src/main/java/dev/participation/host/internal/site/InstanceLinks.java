package dev.participation.host.internal.site;

import java.util.Map;
import java.util.StringJoiner;

import dev.participation.api.widget.Links;
import dev.participation.host.internal.web.Paths;

/** URLs for one placed instance: its page with namespaced parameters, its post URL, its assets. */
record InstanceLinks(PageRef where, String instanceId, String widgetKey) implements Links {

    @Override
    public String view(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return where.path();
        }
        String namespace = Namespaces.of(instanceId);
        StringJoiner query = new StringJoiner("&", where.path() + "?", "");
        parameters.forEach((k, v) -> query.add(Paths.encode(namespace + k) + "=" + Paths.encode(v == null ? "" : v)));
        return query.toString();
    }

    @Override
    public String action() {
        return where.postBase() + "/widgets/" + Paths.encode(instanceId);
    }

    @Override
    public String page() {
        return where.path();
    }

    @Override
    public String asset(String path) {
        String clean = path.startsWith("/") ? path.substring(1) : path;
        return "/assets/w/" + widgetKey + "/" + clean;
    }
}
