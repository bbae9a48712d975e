package dev.participation.host.internal.site;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.participation.host.internal.web.Cookies;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** Lets a page be written as usual while keeping a copy of its text and status. */
final class CapturedPage extends HttpServletResponseWrapper {

    private final StringWriter text = new StringWriter(8192);
    private final PrintWriter writer = new PrintWriter(text);
    private int status = HttpServletResponse.SC_OK;
    private boolean remembers;

    CapturedPage(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void addHeader(String name, String value) {
        if ("Set-Cookie".equalsIgnoreCase(name) && Cookies.baseName(value).startsWith(RememberedChoices.PREFIX)) {
            remembers = true;
        }
        super.addHeader(name, value);
    }

    /** Whether rendering kept a visitor's choice: a copy would not keep it for the next visitor. */
    boolean remembersAChoice() {
        return remembers;
    }

    int status() {
        return status;
    }

    String html() {
        writer.flush();
        return text.toString();
    }
}
