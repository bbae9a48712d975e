package dev.participation.rest.internal.core;

import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One HTTP request as the JSON API reads it, copied from whichever servlet API carried it (Jakarta
 * in the embedded portal, javax in Liferay), so that every decision about the answer is made once.
 *
 * @param method the method as sent; HTTP methods are case-sensitive
 * @param requestUri the path as sent, still percent-encoded, from the server's root, without the query
 * @param contextPath the container's decoded context path, {@code ""} or null at the root
 * @param servletPath the container's decoded servlet path, {@code "/api"} in the embedded portal
 * @param pathInfo the container's decoded path after the servlet path, or null
 * @param parameters the query parameters; read only when an answer needs them, because containers
 *        throw their own exception types for a malformed query string
 * @param headers a request header's value by name, or null
 */
public record ApiRequest(String method, String requestUri, String contextPath, String servletPath, String pathInfo,
        Supplier<Map<String, String[]>> parameters, UnaryOperator<String> headers) {
}
