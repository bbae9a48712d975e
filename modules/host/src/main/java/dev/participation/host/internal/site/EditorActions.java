package dev.participation.host.internal.site;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.participation.api.page.ChangedMeanwhileException;
import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.api.widget.Roles;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Notices;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.Site;
import dev.participation.host.internal.widget.RegisteredWidget;
import dev.participation.host.internal.widget.WidgetRegistry;
import dev.participation.kit.form.PreferenceForm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** An editor's changes to a page: configure, add, move and remove widget instances. */
@Component(service = EditorActions.class)
public final class EditorActions {

    private final WidgetInstances instances;
    private final WidgetRegistry widgets;
    private final Pages pages;
    private final Layout layout;
    private final Csrf csrf;
    private final Notices notices;
    private final Site site;
    private final AnonymousPages copies;

    @Activate
    public EditorActions(@Reference WidgetInstances instances, @Reference WidgetRegistry widgets,
            @Reference Pages pages, @Reference Layout layout, @Reference Csrf csrf, @Reference Notices notices,
            @Reference Site site, @Reference AnonymousPages copies) {
        this.instances = instances;
        this.widgets = widgets;
        this.pages = pages;
        this.layout = layout;
        this.csrf = csrf;
        this.notices = notices;
        this.site = site;
        this.copies = copies;
    }

    /** Whether the caller may edit and the post is genuine; writes the refusal if not. */
    private boolean allowed(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page) {
        if (!caller.has(Roles.EDITOR)) {
            layout.error(request, response, caller, ErrorPage.FORBIDDEN, page.path());
            return false;
        }
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, page.path());
            return false;
        }
        return true;
    }

    private Optional<WidgetInstance> onPage(String instanceId, PageRef page) {
        return instances.find(instanceId).filter(i -> i.pageKey().equals(page.key()));
    }

    private String actor(Caller caller) {
        return caller.person().orElseThrow().id();
    }

    private void done(HttpServletRequest request, HttpServletResponse response, String location, String noticeKey) {
        notices.set(response, Message.of(noticeKey), site.messages(site.locale(request)), site.secureCookies(request));
        WidgetPosts.seeOther(response, location);
    }

    public void configure(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page,
            String instanceId) throws IOException {
        if (!allowed(request, response, caller, page)) {
            return;
        }
        Optional<WidgetInstance> instance = onPage(instanceId, page);
        Optional<RegisteredWidget> widget = instance.flatMap(i -> widgets.find(i.widgetType()));
        if (widget.isEmpty()) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        String namespace = Namespaces.of(instanceId);
        // A form without a readable version (hand-made, or from before versions) counts as drawn
        // from no version at all, so it cannot overwrite anything unseen.
        long drawnFrom = version(request.getParameter(namespace + PreferenceForm.VERSION_FIELD));
        PreferencesValidation result = widget.get().type().validate(
                Namespaces.firstValues(Namespaces.strip(request.getParameterMap(), namespace)))
                .and(widget.get().widget()::validate);
        if (!result.valid()) {
            pages.show(request, response, caller, page, HttpServletResponse.SC_BAD_REQUEST, Optional.of(
                    new Pages.Replacement(instanceId, pages.preferenceForm(caller, page, instance.get(), widget.get(),
                            result.values(), result.errors(), PreferenceForm.Versioning.at(drawnFrom)))));
            return;
        }
        try {
            instances.configure(instanceId, drawnFrom, result.values().asMap(), actor(caller));
        } catch (ChangedMeanwhileException e) {
            Preferences saved = widget.get().type().resolve(e.current().preferences());
            if (!saved.equals(result.values())) {
                // Theirs and what this editor typed, side by side; saving again replaces theirs.
                pages.show(request, response, caller, page, HttpServletResponse.SC_CONFLICT, Optional.of(
                        new Pages.Replacement(instanceId, pages.preferenceForm(caller, page, e.current(), widget.get(),
                                result.values(), Map.of(),
                                PreferenceForm.Versioning.changedMeanwhile(e.current().version(), saved)))));
                return;
            }
            // Someone already saved exactly these settings: nothing of theirs would be lost.
        } catch (NoSuchElementException e) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        copies.forgetPage(page);
        done(request, response, page.path() + "#" + Namespaces.sectionId(instanceId), "preferences.saved");
    }

    /** The version a form carried, or 0 (which no stored settings have) if it carried none. */
    static long version(String field) {
        if (field == null || field.isEmpty() || field.length() > 18 || !field.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(field);
    }

    public void add(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page)
            throws IOException {
        if (!allowed(request, response, caller, page)) {
            return;
        }
        String type = request.getParameter("widgetType");
        Optional<RegisteredWidget> widget = type == null ? Optional.empty() : widgets.find(type);
        if (widget.isEmpty()) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        WidgetInstance placed = instances.place(page.key(), type, widget.get().type().defaults().asMap(), actor(caller));
        copies.forgetPage(page);
        // Straight to its settings: a new widget usually needs some before it says anything useful.
        String id = Namespaces.sectionId(placed.id());
        done(request, response, page.path() + "?configure=" + Paths.encode(placed.id())
                + "#" + id, "editor.added");
    }

    public void move(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page,
            String instanceId) throws IOException {
        if (!allowed(request, response, caller, page)) {
            return;
        }
        List<WidgetInstance> placed = instances.onPage(page.key());
        int index = -1;
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).id().equals(instanceId)) {
                index = i;
            }
        }
        if (index < 0) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        int target = "up".equals(request.getParameter("direction")) ? index - 1 : index + 1;
        if (target >= 0 && target < placed.size()) {
            // Take the neighbour's stored position: positions need not be contiguous.
            instances.move(instanceId, placed.get(target).position(), actor(caller));
            copies.forgetPage(page);
        }
        done(request, response, page.path() + "#" + Namespaces.sectionId(instanceId), "editor.moved");
    }

    public void remove(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page,
            String instanceId) throws IOException {
        if (!allowed(request, response, caller, page)) {
            return;
        }
        if (onPage(instanceId, page).isEmpty()) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        try {
            instances.remove(instanceId, version(request.getParameter("version")), actor(caller));
        } catch (ChangedMeanwhileException e) {
            // Asked again, now about the widget as it is: the editor may not want to lose the new settings.
            done(request, response, page.path() + "?remove=" + Paths.encode(instanceId) + "#"
                    + Namespaces.sectionId(instanceId), "editor.remove.changedMeanwhile");
            return;
        } catch (NoSuchElementException e) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.path());
            return;
        }
        copies.forgetPage(page);
        done(request, response, page.path(), "editor.removed");
    }
}
