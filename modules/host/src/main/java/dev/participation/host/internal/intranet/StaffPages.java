package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
import dev.participation.kit.post.PostReply;
import dev.participation.kit.staff.StaffActions;

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
    private final StaffActionRegistry actions;

    @Activate
    public StaffPages(@Reference Layout layout, @Reference Csrf csrf, @Reference Notices notices,
            @Reference Site site, @Reference WidgetRegistry widgets, @Reference AnonymousPages copies,
            @Reference StaffActionRegistry actions) {
        this.layout = layout;
        this.csrf = csrf;
        this.notices = notices;
        this.site = site;
        this.widgets = widgets;
        this.copies = copies;
        this.actions = actions;
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

    /**
     * Hands the post to the staff action the page names for it; a person without that action's
     * role gets the "forbidden" page and nothing changes.
     *
     * @param bundle the bundle that contributed the page
     */
    public void post(HttpServletRequest request, HttpServletResponse response, Caller caller, StaffPage page,
            Bundle bundle, String path) throws IOException {
        String here = "/intranet/" + page.key() + "/" + path;
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, here);
            return;
        }
        PostReply reply = PostReply.of(StaffActions.dispatch(page, request(request, caller, page, path), actions::find),
                Paths::isLocal);
        if (reply instanceof PostReply.Redirect redirect) {
            // A staff page changes its own bundle's content (publishing a pledge, say): public
            // pages showing that bundle's widgets must show it at once.
            copies.forgetWidgetTypes(widgets.all().stream().filter(w -> Objects.equals(w.bundle(), bundle))
                    .map(RegisteredWidget::key).toList());
            redirect.notice().ifPresent(n -> notices.set(response, n,
                    site.messages(caller.locale(), page.messages(caller.locale())), site.secureCookies(request)));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", redirect.location().orElse(here));
        } else if (reply instanceof PostReply.ShowAgain again) {
            show(request, response, caller, page, path, again.status(), again.view());
        } else {
            int status = ((PostReply.Refuse) reply).status();
            layout.error(request, response, caller,
                    status == PostReply.FORBIDDEN ? ErrorPage.NOT_PERMITTED : ErrorPage.forStatus(status), here);
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
