package dev.participation.host.internal.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-instance prefixes, so two widgets on one page never share a parameter or an element id:
 * instance {@code 12} reads {@code w12_page} as its {@code page} and owns the section {@code w12}.
 */
public final class Namespaces {

    private Namespaces() {
    }

    /** The element id of an instance's section. Instance ids are opaque, so anything odd is replaced. */
    public static String sectionId(String instanceId) {
        // A loop, not String.replaceAll: this runs for every link a widget draws, and replaceAll
        // compiles its pattern again on each call.
        StringBuilder id = new StringBuilder(instanceId.length() + 1).append('w');
        for (int i = 0; i < instanceId.length(); i++) {
            char c = instanceId.charAt(i);
            boolean safe = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
            id.append(safe ? c : '-');
        }
        return id.toString();
    }

    public static String of(String instanceId) {
        return sectionId(instanceId) + "_";
    }

    /** The parameters carrying this namespace, with it removed; everything else is left out. */
    public static Map<String, List<String>> strip(Map<String, String[]> raw, String namespace) {
        Map<String, List<String>> mine = new LinkedHashMap<>();
        if (raw == null) {
            return mine;
        }
        raw.forEach((name, values) -> {
            if (name.startsWith(namespace) && name.length() > namespace.length() && values != null) {
                mine.put(name.substring(namespace.length()), List.of(values));
            }
        });
        return mine;
    }

    /** The first value of each parameter, as preference validation reads them. */
    public static Map<String, String> firstValues(Map<String, List<String>> parameters) {
        Map<String, String> first = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null) {
                first.put(k, v.get(0));
            }
        });
        return first;
    }
}
