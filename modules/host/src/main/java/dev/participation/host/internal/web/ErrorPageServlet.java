package dev.participation.host.internal.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;

/**
 * The site's own pages for errors the container raises itself (a method no servlet handles, a body
 * too big, an exception that escaped a servlet), so nobody ever sees a container page or a stack
 * trace. A 4xx keeps its code, so a client learns what was wrong with its request; any 5xx but 501
 * becomes a plain 500. Under {@code /api/} the answer is problem details, as the JSON API's own.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
@HttpWhiteboardServletName("participation-errors")
public final class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Callers callers;
    private final transient Layout layout;
    private final transient SecurityHeadersFilter headers;

    @Activate
    public ErrorPageServlet(@Reference Callers callers, @Reference Layout layout,
            @Reference SecurityHeadersFilter headers) {
        this.callers = callers;
        this.layout = layout;
        this.headers = headers;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int asked = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        ErrorPage kind = ErrorPage.forStatus(asked);
        int status = asked >= 400 && asked < 500 ? asked : kind.status();
        headers.apply(request, response);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && ProblemJson.isApiPath(path)) {
            ProblemJson.write(response, status, path, null, true);
            return;
        }
        Caller caller = callers.resolve(request, response);
        layout.error(request, response, caller, kind, "/", status);
    }
}
