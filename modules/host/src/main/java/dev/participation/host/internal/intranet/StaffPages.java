package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;
import dev.participation.host.internal.site.AnonymousPages;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Notices;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.Site;
import dev.participation.host.internal.widget.RegisteredWidget;
import dev.participation.host.internal.widget.WidgetRegistry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Serves the staff pages that widget bundles contribute, inside the intranet's layout. */
@Component(service = StaffPages.class)
public final class StaffPages {

    private final Layout layout;
    private final Csrf csrf;
    private final Notices notices;
    private final Site site;
    private final WidgetRegistry widgets;
    private final AnonymousPages copies;

    @Activate
    public StaffPages(@Reference Layout layout, @Reference Csrf csrf, @Reference Notices notices,
            @Reference Site site, @Reference WidgetRegistry widgets, @Reference AnonymousPages copies) {
        this.layout = layout;
        this.csrf = csrf;
        this.notices = notices;
        this.site = site;
        this.widgets = widgets;
        this.copies = copies;
    }

    public String title(StaffPage page, Caller caller) {
        return site.messages(caller.locale(), page.messages(caller.locale())).get(page.titleKey());
    }

    private Staff request(HttpServletRequest http, Caller caller, StaffPage page, String path) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        http.getParameterMap().forEach((k, v) -> {
            if (!Csrf.FIELD.equals(k) && v != null) {
                parameters.put(k, List.of(v));
            }
        });
        return new Staff(caller.person(), caller.locale(), site.zone(), parameters, "", csrf.field(caller),
                new StaffLinks(page.key(), path), Optional.empty(), path);
    }

    public void get(HttpServletRequest request, HttpServletResponse response, Caller caller, StaffPage page,
            String path) throws IOException {
        WidgetView view = page.render(request(request, caller, page, path));
        // The page's own "not found" screen, with its way back, answered with the status it means.
        show(request, response, caller, page, path, view.status(), view);
    }

    /** @param bundle the bundle that contributed the page */
    public void post(HttpServletRequest request, HttpServletResponse response, Caller caller, StaffPage page,
            Bundle bundle, String path) throws IOException {
        String here = "/intranet/" + page.key() + "/" + path;
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, here);
            return;
        }
        PostOutcome outcome = page.post(request(request, caller, page, path));
        if (outcome instanceof PostOutcome.Done) {
            // A staff page changes its own bundle's content (publishing a pledge, say): public
            // pages showing that bundle's widgets must show it at once.
            copies.forgetWidgetTypes(widgets.all().stream().filter(w -> Objects.equals(w.bundle(), bundle))
                    .map(RegisteredWidget::key).toList());
        }
        if (outcome instanceof PostOutcome.Done done) {
            done.notice().ifPresent(n -> notices.set(response, n,
                    site.messages(caller.locale(), page.messages(caller.locale())), site.secureCookies(request)));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", Paths.localOr(done.location(), here));
        } else if (outcome instanceof PostOutcome.Invalid invalid) {
            show(request, response, caller, page, path, HttpServletResponse.SC_BAD_REQUEST, invalid.view());
        } else {
            layout.error(request, response, caller, ErrorPage.NOT_ALLOWED, here);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Caller caller, StaffPage page,
            String path, int status, WidgetView view) throws IOException {
        String title = view.title().filter(t -> !t.isBlank()).orElseGet(() -> title(page, caller));
        // The host gives the page its h1 (the view's title, else the page's name); the staff page's
        // own headings start at h2, as a widget's do.
        layout.page(request, response, caller, status, title, "/intranet", "staff.ftlh",
                Map.of("heading", title, "html", view.html(), "section", title(page, caller),
                        "sectionHref", "/intranet/" + page.key() + "/"));
    }
}
