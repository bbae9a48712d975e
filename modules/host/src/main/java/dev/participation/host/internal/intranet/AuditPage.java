package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import dev.participation.api.audit.AuditLog;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The newest audit log entries, for administrators. */
@Component(service = AuditPage.class)
public final class AuditPage {

    static final int SHOWN = 100;

    private final AuditLog audit;
    private final Layout layout;
    private final Site site;

    @Activate
    public AuditPage(@Reference AuditLog audit, @Reference Layout layout, @Reference Site site) {
        this.audit = audit;
        this.layout = layout;
        this.site = site;
    }

    public void get(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(caller.locale()).withZone(site.zone());
        List<Map<String, String>> rows = audit.recent(SHOWN).stream().map(e -> Map.of(
                "at", format.format(e.at()),
                "actor", e.actor(),
                "action", e.action(),
                "record", e.recordType() + " " + e.recordId(),
                "detail", e.detail())).toList();
        layout.page(request, response, caller, HttpServletResponse.SC_OK, layout.messages(caller).get("audit.title"),
                "/intranet", "audit.ftlh", Map.of("rows", rows, "shown", SHOWN));
    }
}
