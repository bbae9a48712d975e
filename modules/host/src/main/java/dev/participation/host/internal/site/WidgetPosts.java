package dev.participation.host.internal.site;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Hands a visitor's form post to the widget instance it belongs to and acts on the answer. */
@Component(service = WidgetPosts.class)
public final class WidgetPosts {

    private final WidgetInstances instances;
    private final WidgetRegistry widgets;
    private final Pages pages;
    private final Layout layout;
    private final Csrf csrf;
    private final Notices notices;
    private final Site site;
    private final AnonymousPages copies;

    @Activate
    public WidgetPosts(@Reference WidgetInstances instances, @Reference WidgetRegistry widgets, @Reference Pages pages,
            @Reference Layout layout, @Reference Csrf csrf, @Reference Notices notices, @Reference Site site,
            @Reference AnonymousPages copies) {
        this.instances = instances;
        this.widgets = widgets;
        this.pages = pages;
        this.layout = layout;
        this.csrf = csrf;
        this.notices = notices;
        this.site = site;
        this.copies = copies;
    }

    public void post(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page,
            String instanceId) throws IOException {
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, page.path());
            return;
        }
        Optional<WidgetInstance> instance = instances.find(instanceId).filter(i -> i.pageKey().equals(page.key()));
        Optional<RegisteredWidget> widget = instance.flatMap(i -> widgets.find(i.widgetType()));
        if (widget.isEmpty()) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        PostReply reply = PostReply.of(widget.get().widget().post(
                pages.request(request, response, caller, page, instance.get(), widget.get())), Paths::isLocal);
        if (reply instanceof PostReply.Redirect redirect) {
            // The post may have changed what every widget of this type shows (a count, a list).
            copies.forgetWidgetTypes(List.of(widget.get().key()));
            redirect.notice().ifPresent(n -> notices.set(response, n,
                    site.messages(caller.locale(), widget.get().widget().messages(caller.locale())),
                    site.secureCookies(request)));
            seeOther(response, redirect.location().orElse(page.path()));
        } else if (reply instanceof PostReply.ShowAgain again) {
            pages.show(request, response, caller, page, again.status(),
                    Optional.of(new Pages.Replacement(instanceId, again.view())));
        } else {
            layout.error(request, response, caller, ErrorPage.forStatus(((PostReply.Refuse) reply).status()),
                    page.path());
        }
    }

    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
