package dev.participation.api.json;

import java.net.URL;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A family of read-only JSON resources under {@code /api/<name>}. The JSON adapter serialises what
 * {@link #get} returns (records, lists, maps, strings, numbers, {@code java.time} values) and
 * answers failures as RFC 9457 problem details.
 */
@ConsumerType
public interface JsonResource {

    /** The first path segment under {@code /api/}, lower case with dashes. */
    String name();

    /**
     * An OpenAPI 3.0 fragment: a JSON object with {@code paths} (keys beginning with
     * {@code /api/<name>}) and optionally {@code components.schemas}; merged into the one document.
     */
    URL openApi();

    /**
     * Answers a GET.
     *
     * @throws ApiProblem for anything but success, carrying the HTTP status
     */
    Object get(JsonRequest request);
}
