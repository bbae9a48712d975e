package dev.participation.bench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /bench/trivial}: a short fixed HTML page, the baseline every HTTP figure is divided
 * by. It is registered in the Servlet Whiteboard's default context, like the portal's pages, so a
 * request to it crosses the same Jetty connector, thread pool and whiteboard filters (the host's
 * security headers) and differs from a real page only in the work the page itself does.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/bench/trivial")
@HttpWhiteboardServletName("participation-bench-trivial")
public final class TrivialServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final byte[] BODY = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Trivial</title></head><body><p>Trivial servlet: the benchmark baseline.</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
