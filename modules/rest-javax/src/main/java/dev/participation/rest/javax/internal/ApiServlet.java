package dev.participation.rest.javax.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.participation.rest.internal.core.ApiRequest;
import dev.participation.rest.internal.core.JsonApi;

/**
 * The JSON API in Liferay 7.4, on javax.servlet 3.1 and the OSGi HTTP Whiteboard 1.x: the same
 * answers as the embedded portal's {@code /api}, from the same core. Liferay serves the servlets of
 * the whiteboard's default context under {@code /o/}, as it does its own, so the API answers at
 * {@code /o/participation/api/} and its OpenAPI document names {@code /o/participation} as its server.
 *
 * <p>The whiteboard properties are plain strings rather than the whiteboard's property-type
 * annotations, which would make the bundle require a newer whiteboard implementation than Liferay
 * declares. It shares the API's configuration PID, so they can be overridden there.
 */
@Component(service = Servlet.class, configurationPid = JsonApi.PID, property = {
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)",
        "osgi.http.whiteboard.servlet.name=participation-json-api",
        "osgi.http.whiteboard.servlet.pattern=/participation/api/*"})
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient JsonApi api;

    @Activate
    public ApiServlet(@Reference JsonApi api) {
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        api.answer(new ApiRequest(request.getMethod(), request.getRequestURI(), request.getContextPath(),
                request.getServletPath(), request.getPathInfo(), request::getParameterMap, request::getHeader))
                .writeTo(response::setStatus, response::setHeader, response::setContentType,
                        response::setContentLength, response::getOutputStream);
    }
}
