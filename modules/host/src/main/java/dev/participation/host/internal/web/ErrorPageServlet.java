package dev.participation.host.internal.web;

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
 * The site's own pages for errors the container raises itself (a method no servlet handles, an
 * exception that escaped one), so nobody ever sees a container page or a stack trace.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
@HttpWhiteboardServletName("participation-errors")
public final class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Callers callers;
    private final transient Layout layout;

    @Activate
    public ErrorPageServlet(@Reference Callers callers, @Reference Layout layout) {
        this.callers = callers;
        this.layout = layout;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Caller caller = callers.resolve(request, response);
        layout.error(request, response, caller, ErrorPage.forStatus(status), "/");
    }
}
