package dev.participation.kit.json;

import java.net.URL;
import java.util.List;
import java.util.function.Predicate;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;

/**
 * Reading a JSON request's address the way every widget's resource does: {@code GET /api/events}
 * asks for the collection, {@code GET /api/events/youth-forum} for one item, and anything deeper
 * or oddly shaped names nothing (404, never a stack trace).
 *
 * <pre>
 * if (JsonAddresses.collection(request)) {
 *     return list(...);
 * }
 * String slug = JsonAddresses.item(request, EventRules::validSlug, "There is no event at this address.");
 * </pre>
 */
public final class JsonAddresses {

    private JsonAddresses() {
    }

    /**
     * The resource's OpenAPI fragment, packaged beside its class. A bundle built without it fails
     * when the API assembles its document, naming the file, rather than describing nothing.
     *
     * @param path the fragment's path in the bundle, such as {@code /dev/participation/events/json/openapi.json}
     */
    public static URL openApi(Class<?> owner, String path) {
        URL url = owner.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing " + path);
        }
        return url;
    }

    /** Whether the request is for the collection itself: {@code /api/<name>} or {@code /api/<name>/}. */
    public static boolean collection(JsonRequest request) {
        List<String> segments = request.segments();
        return segments.isEmpty() || segments.size() == 1 && segments.get(0).isEmpty();
    }

    /**
     * The one item's address below the collection.
     *
     * @param valid    whether an address has the shape the widget's items' addresses have
     * @param notFound the problem's detail when the address has more segments or another shape
     * @throws ApiProblem 404 with {@code notFound} when the address cannot name an item
     */
    public static String item(JsonRequest request, Predicate<String> valid, String notFound) {
        List<String> segments = request.segments();
        if (segments.size() != 1 || !valid.test(segments.get(0))) {
            throw ApiProblem.notFound(notFound);
        }
        return segments.get(0);
    }
}
