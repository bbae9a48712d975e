package dev.participation.host.internal.site;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import dev.participation.host.internal.web.Cookies;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** Lets a page be written as usual while keeping a copy of its text and status. */
final class CapturedPage extends HttpServletResponseWrapper {

    private final StringWriter text = new StringWriter(8192);
    private final PrintWriter writer = new PrintWriter(text);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
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
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("a page is captured synchronously");
            }
        };
    }

    // The page is sent later, once, by whoever captured it; it states the length then.
    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
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
        return text + bytes.toString(StandardCharsets.UTF_8);
    }
}
