package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.mail.OutboxEntry;
import dev.participation.api.widget.Roles;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.Site;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The mail outbox for administrators: {@code /intranet/outbox} lists messages, sent or waiting,
 * and {@code /intranet/outbox/<id>} shows one message's text, a read the outbox audit-logs. A
 * servlet of its own (the longer pattern wins over {@code /intranet/*}), so the intranet works
 * unchanged where no outbox is installed.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/intranet/outbox", "/intranet/outbox/*"})
@HttpWhiteboardServletName("participation-intranet-outbox")
public final class OutboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;
    private static final String PATH = "/intranet/outbox";

    private final transient Outbox outbox;
    private final transient Callers callers;
    private final transient Layout layout;
    private final transient Site site;
    private final transient PasswordPage password;
    private final transient Logger log;

    @Activate
    public OutboxServlet(@Reference Outbox outbox, @Reference Callers callers, @Reference Layout layout,
            @Reference Site site, @Reference PasswordPage password,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.outbox = outbox;
        this.callers = callers;
        this.layout = layout;
        this.site = site;
        this.password = password;
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        String path = Paths.of(request);
        try {
            if (!caller.signedIn()) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", "/sign-in?return=" + Paths.encode(path));
            } else if (password.required(caller)) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", PasswordPage.PATH);
            } else if (!caller.has(Roles.ADMIN)) {
                layout.error(request, response, caller, ErrorPage.FORBIDDEN, "/intranet");
            } else if (path.equals(PATH)) {
                list(request, response, caller);
            } else {
                Optional<Long> id = id(path.substring(PATH.length() + 1));
                Optional<MailMessage> message = id.flatMap(i -> outbox.read(i, caller.person().orElseThrow().id()));
                if (message.isEmpty()) {
                    layout.error(request, response, caller, ErrorPage.NOT_FOUND, PATH);
                } else {
                    show(request, response, caller, id.get(), message.get());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("Outbox request {} failed", path, e);
            layout.error(request, response, caller, ErrorPage.SERVER_ERROR, "/intranet");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        layout.error(request, response, caller, caller.signedIn() ? ErrorPage.NOT_ALLOWED : ErrorPage.FORBIDDEN,
                caller.signedIn() ? PATH : "/sign-in");
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        DateTimeFormatter format = format(caller);
        var messages = layout.messages(caller);
        List<Map<String, String>> rows = outbox.recent(SHOWN).stream().map(entry -> {
            Map<String, String> row = new HashMap<>();
            row.put("href", PATH + "/" + entry.id());
            row.put("queuedAt", format.format(entry.queuedAt()));
            row.put("to", entry.to());
            row.put("subject", entry.subject());
            row.put("status", entry.status() == OutboxEntry.Status.SENT
                    ? messages.get("outbox.status.sent", format.format(entry.sentAt()))
                    : messages.get("outbox.status.queued", format.format(entry.nextAttemptAt())));
            row.put("attempts", Integer.toString(entry.attempts()));
            row.put("lastError", entry.lastError());
            return row;
        }).toList();
        layout.page(request, response, caller, HttpServletResponse.SC_OK, messages.get("outbox.title"), "/intranet",
                "outbox.ftlh", Map.of("rows", rows, "shown", SHOWN));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Caller caller, long id,
            MailMessage message) throws IOException {
        List<Map<String, String>> attachments = message.attachments().stream().map(a -> Map.of(
                "fileName", a.fileName(), "mediaType", a.mediaType(),
                "size", Integer.toString(a.content().length))).toList();
        layout.page(request, response, caller, HttpServletResponse.SC_OK,
                layout.messages(caller).get("outbox.message.title", message.subject()), "/intranet",
                "outbox-message.ftlh", Map.of("id", Long.toString(id), "to", message.to(),
                        "subject", message.subject(), "body", message.body(), "attachments", attachments));
    }

    private DateTimeFormatter format(Caller caller) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(caller.locale())
                .withZone(site.zone());
    }

    private static Optional<Long> id(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
