package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.participation.api.account.Accounts;
import dev.participation.api.audit.AuditEntry;
import dev.participation.api.audit.AuditLog;
import dev.participation.api.widget.Person;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The whole audit log for administrators, a page at a time, newest first. {@code ?before=<id>}
 * shows the page of entries older than that one, {@code ?after=<id>} the page of entries newer.
 */
@Component(service = AuditPage.class)
public final class AuditPage {

    static final int PAGE_SIZE = 50;
    static final String BEFORE = "before";
    static final String AFTER = "after";

    private final AuditLog audit;
    private final Accounts accounts;
    private final Layout layout;
    private final Site site;

    @Activate
    public AuditPage(@Reference AuditLog audit, @Reference Accounts accounts, @Reference Layout layout,
            @Reference Site site) {
        this.audit = audit;
        this.accounts = accounts;
        this.layout = layout;
        this.site = site;
    }

    public void get(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        OptionalLong before = cursor(request.getParameter(BEFORE));
        OptionalLong after = cursor(request.getParameter(AFTER));
        boolean malformed = request.getParameter(BEFORE) != null && before.isEmpty()
                || request.getParameter(AFTER) != null && after.isEmpty()
                || before.isPresent() && after.isPresent();
        if (malformed) {
            // A hand-edited or truncated address names no page of the log.
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, "/intranet/audit");
            return;
        }
        List<AuditEntry> entries = after.isPresent() ? audit.newerThan(after.getAsLong(), PAGE_SIZE)
                : audit.olderThan(before.orElse(Long.MAX_VALUE), PAGE_SIZE);
        boolean newer = !entries.isEmpty() && !audit.newerThan(entries.get(0).id(), 1).isEmpty();
        boolean older = !entries.isEmpty() && !audit.olderThan(entries.get(entries.size() - 1).id(), 1).isEmpty();

        Messages messages = layout.messages(caller);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(caller.locale()).withZone(site.zone());
        // Names are looked up as the page is shown, so a renamed person appears under their name
        // of today and a removed account by its id alone.
        Map<String, String> names = new HashMap<>();
        List<Map<String, String>> rows = entries.stream().map(e -> Map.of(
                "at", format.format(e.at()),
                "actor", names.computeIfAbsent(e.actor(), actor -> who(actor, messages)),
                "action", e.action(),
                "record", e.recordType() + " " + e.recordId(),
                "detail", e.detail())).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("paged", before.isPresent() || after.isPresent());
        model.put("newerHref", newer ? "/intranet/audit?" + AFTER + "=" + entries.get(0).id() : "");
        model.put("olderHref", older ? "/intranet/audit?" + BEFORE + "=" + entries.get(entries.size() - 1).id() : "");
        layout.page(request, response, caller, HttpServletResponse.SC_OK, messages.get("audit.title"),
                "/intranet", "audit.ftlh", model);
    }

    private String who(String actor, Messages messages) {
        return accounts.find(actor).map(Person::displayName).filter(name -> !name.isBlank() && !name.equals(actor))
                .map(name -> messages.get("audit.actorNamed", name, actor)).orElse(actor);
    }

    private static OptionalLong cursor(String value) {
        if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
