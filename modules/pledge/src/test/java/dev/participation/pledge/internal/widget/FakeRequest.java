package dev.participation.pledge.internal.widget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetRequest;

/** A visitor's request as the embedded portal would make it: links to /pledge with sorted parameters. */
final class FakeRequest implements WidgetRequest {

    private final Preferences preferences;
    private final Map<String, List<String>> parameters = new HashMap<>();

    FakeRequest(Map<String, String> preferences) {
        this.preferences = new Preferences(preferences);
    }

    FakeRequest with(String name, String value) {
        parameters.put(name, List.of(value));
        return this;
    }

    @Override
    public String instanceId() {
        return "w1";
    }

    @Override
    public Preferences preferences() {
        return preferences;
    }

    @Override
    public Optional<Person> person() {
        return Optional.empty();
    }

    @Override
    public Locale locale() {
        return Locale.UK;
    }

    @Override
    public ZoneId timeZone() {
        return ZoneId.of("Europe/London");
    }

    @Override
    public Map<String, List<String>> parameters() {
        return parameters;
    }

    @Override
    public String namespace() {
        return "";
    }

    @Override
    public CsrfField csrf() {
        return new CsrfField("csrf", "token");
    }

    @Override
    public Links links() {
        return new Links() {
            @Override
            public String view(Map<String, String> params) {
                if (params.isEmpty()) {
                    return "/pledge";
                }
                return "/pledge?" + new TreeMap<>(params).entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
            }

            @Override
            public String action() {
                return "/pledge";
            }

            @Override
            public String page() {
                return "/pledge";
            }

            @Override
            public String asset(String path) {
                return "/assets/w/pledge/" + path;
            }
        };
    }

    @Override
    public Optional<Message> notice() {
        return Optional.empty();
    }
}
