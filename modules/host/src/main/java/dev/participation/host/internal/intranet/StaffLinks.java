package dev.participation.host.internal.intranet;

import java.util.Map;
import java.util.StringJoiner;

import dev.participation.api.widget.Links;
import dev.participation.host.internal.web.Paths;

/** URLs inside one staff page: {@code /intranet/<key>/<path>}. Staff pages are not namespaced. */
record StaffLinks(String key, String path) implements Links {

    @Override
    public String view(Map<String, String> parameters) {
        String base = action();
        if (parameters.isEmpty()) {
            return base;
        }
        StringJoiner query = new StringJoiner("&", base + "?", "");
        parameters.forEach((k, v) -> query.add(Paths.encode(k) + "=" + Paths.encode(v == null ? "" : v)));
        return query.toString();
    }

    @Override
    public String action() {
        return page() + path;
    }

    @Override
    public String page() {
        return "/intranet/" + key + "/";
    }

    @Override
    public String asset(String file) {
        return "/assets/s/" + key + "/" + (file.startsWith("/") ? file.substring(1) : file);
    }
}
