package dev.participation.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.participation.api.widget.Links;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetRequest;

/**
 * A visitor's request to one placed widget, as the embedded portal makes it: the widget sits on
 * {@code /<page>}, links carry their parameters sorted, no namespace, nobody signed in unless
 * {@link #as} says so. For example
 * {@code FakeWidgetRequest.on("pledge").preference("layout", "cards").with("read", "easy")}.
 */
public final class FakeWidgetRequest extends FakeRequestBase<FakeWidgetRequest> implements WidgetRequest {

    private final String page;
    private final Map<String, String> preferences = new LinkedHashMap<>();
    private String instanceId = "w1";

    private FakeWidgetRequest(String page) {
        this.page = page;
    }

    /** A request to the widget on the page {@code /<page>}, whose assets are below {@code /assets/w/<page>/}. */
    public static FakeWidgetRequest on(String page) {
        return new FakeWidgetRequest(page);
    }

    public FakeWidgetRequest preference(String key, String value) {
        preferences.put(key, value);
        return this;
    }

    public FakeWidgetRequest preferences(Map<String, String> values) {
        preferences.putAll(values);
        return this;
    }

    public FakeWidgetRequest instance(String id) {
        this.instanceId = id;
        return this;
    }

    @Override
    FakeWidgetRequest self() {
        return this;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public Preferences preferences() {
        return new Preferences(preferences);
    }

    @Override
    public Links links() {
        String here = "/" + page;
        return new Links() {
            @Override
            public String view(Map<String, String> params) {
                if (params.isEmpty()) {
                    return here;
                }
                return here + "?" + new TreeMap<>(params).entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
            }

            @Override
            public String action() {
                return here;
            }

            @Override
            public String page() {
                return here;
            }

            @Override
            public String asset(String path) {
                return "/assets/w/" + page + "/" + path;
            }
        };
    }
}
