package dev.participation.api.json;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A GET below {@code /api/<name>}.
 *
 * @param segments   the path segments after the name, decoded: {@code /api/pledges/7} gives {@code ["7"]}
 * @param parameters the query parameters
 * @param locale     the caller's preferred language
 */
public record JsonRequest(List<String> segments, Map<String, List<String>> parameters, Locale locale) {

    public JsonRequest {
        segments = List.copyOf(segments);
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
