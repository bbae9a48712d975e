package dev.participation.host.internal.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.participation.host.internal.web.Cookies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a widget's {@linkplain dev.participation.api.widget.Widget#rememberedParameters() remembered
 * parameters} (easy read, say) for the visit in session cookies, one per widget type and name, so
 * the choice follows the visitor to every page and every instance of that widget. A cookie keeps
 * it because it is the visitor's own choice and must not depend on which portal node answers.
 */
final class RememberedChoices {

    static final String PREFIX = "pw_keep_";
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private RememberedChoices() {
    }

    /**
     * The instance's parameters with remembered values filled in where the request has none; a
     * value the request does carry becomes the remembered one.
     */
    static Map<String, List<String>> apply(HttpServletRequest request, HttpServletResponse response,
            boolean secure, String widgetKey, Iterable<String> names, Map<String, List<String>> parameters) {
        Map<String, List<String>> result = null;
        for (String name : names) {
            if (!WORD.matcher(name).matches()) {
                continue;
            }
            String cookie = cookieName(widgetKey, name);
            Optional<String> kept = Cookies.read(request, cookie, secure).filter(v -> WORD.matcher(v).matches());
            List<String> given = parameters.get(name);
            if (given != null && !given.isEmpty()) {
                String value = given.get(0);
                if (value != null && WORD.matcher(value).matches() && !kept.equals(Optional.of(value))) {
                    Cookies.set(response, cookie, value, -1, secure);
                }
            } else if (kept.isPresent()) {
                if (result == null) {
                    result = new HashMap<>(parameters);
                }
                result.put(name, List.of(kept.get()));
            }
        }
        return result == null ? parameters : result;
    }

    static String cookieName(String widgetKey, String name) {
        return PREFIX + widgetKey.replace('-', '_') + "_" + name;
    }
}
