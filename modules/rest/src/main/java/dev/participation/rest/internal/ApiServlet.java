package dev.participation.rest.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import dev.participation.rest.internal.core.ApiRequest;
import dev.participation.rest.internal.core.JsonApi;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON API in the embedded portal, at {@code /api/} on the Jakarta Servlet Whiteboard. It only
 * copies the request into the {@link JsonApi} and its answer back out; the Liferay bundle does the
 * same on javax.servlet.
 *
 * <p>It shares the API's configuration PID: every property set there also becomes a property of
 * this service, so standard whiteboard properties (for example
 * {@code osgi.http.whiteboard.context.select}) can be set in the same place.
 */
@Component(service = Servlet.class, configurationPid = JsonApi.PID)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("participation-json-api")
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
