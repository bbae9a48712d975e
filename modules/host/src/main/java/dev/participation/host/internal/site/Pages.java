package dev.participation.host.internal.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetView;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.Site;
import dev.participation.host.internal.widget.RegisteredWidget;
import dev.participation.host.internal.widget.WidgetRegistry;
import dev.participation.kit.form.PreferenceForm;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Draws a public page: the widget instances placed on it, in order, each in its own section, and
 * for editors the controls to configure, move, remove and add them.
 */
@Component(service = Pages.class)
public final class Pages {

    /**
     * What one instance shows instead of its usual view: a widget's {@code Invalid} answer, or the
     * editor's form with what they typed.
     */
    public record Replacement(String instanceId, WidgetView view) {
    }

    private final WidgetInstances instances;
    private final WidgetRegistry widgets;
    private final Layout layout;
    private final Site site;
    private final Csrf csrf;
    private final Logger log;
    private final PreferenceForm preferenceForm = new PreferenceForm();

    @Activate
    public Pages(@Reference WidgetInstances instances, @Reference WidgetRegistry widgets, @Reference Layout layout,
            @Reference Site site, @Reference Csrf csrf, @Reference(service = LoggerFactory.class) Logger log) {
        this.instances = instances;
        this.widgets = widgets;
        this.layout = layout;
        this.site = site;
        this.csrf = csrf;
        this.log = log;
    }

    /** The page a first path segment names: empty for the home page, else a widget key. */
    public Optional<PageRef> find(String segment) {
        if (segment.isEmpty()) {
            return Optional.of(PageRef.home());
        }
        if (PageRef.HOME.equals(segment)) {
            // The home page's post URLs use its key; its address is "/".
            return Optional.of(PageRef.home());
        }
        return widgets.page(segment).map(PageRef::of);
    }

    public String title(PageRef page, Caller caller) {
        return page.widget().map(w -> w.name(caller.locale()))
                .orElseGet(() -> layout.messages(caller).get("page.home.title"));
    }

    public InstanceRequest request(HttpServletRequest http, HttpServletResponse response, Caller caller, PageRef page,
            WidgetInstance instance, RegisteredWidget widget) {
        String namespace = Namespaces.of(instance.id());
        Map<String, List<String>> parameters = RememberedChoices.apply(http, response, site.secureCookies(http),
                widget.key(), widget.widget().rememberedParameters(), Namespaces.strip(http.getParameterMap(), namespace));
        return new InstanceRequest(caller.person(), caller.locale(), site.zone(), parameters,
                namespace, csrf.field(caller), new InstanceLinks(page, instance.id(), widget.key()), Optional.empty(),
                instance.id(), widget.type().resolve(instance.preferences()), Optional.ofNullable(http.getRemoteAddr()));
    }

    /**
     * What a copy of the page for visitors depends on: the parameters and remembered choices its
     * widgets say they read (every parameter of a widget that does not say), and their types.
     */
    public AnonymousPages.Shape shape(PageRef page) {
        Set<String> types = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        Set<String> namespaces = new HashSet<>();
        Set<String> cookies = new HashSet<>();
        for (WidgetInstance instance : instances.onPage(page.key())) {
            types.add(instance.widgetType());
            Optional<RegisteredWidget> registered = widgets.find(instance.widgetType());
            if (registered.isEmpty()) {
                continue;
            }
            Widget widget = registered.get().widget();
            String namespace = Namespaces.of(instance.id());
            widget.viewParameters().ifPresentOrElse(names -> names.forEach(name -> parameters.add(namespace + name)),
                    () -> namespaces.add(namespace));
            widget.rememberedParameters().forEach(name -> cookies.add(
                    RememberedChoices.cookieName(registered.get().key(), name)));
        }
        return new AnonymousPages.Shape(types, parameters, namespaces, cookies);
    }

    /** The editor's form for an instance's settings, carrying the version they are drawn from. */
    public WidgetView preferenceForm(Caller caller, PageRef page, WidgetInstance instance, RegisteredWidget widget,
            Preferences values, Map<String, Message> errors, PreferenceForm.Versioning versioning) {
        Messages messages = site.messages(caller.locale(), widget.widget().messages(caller.locale()));
        // The one place the widget lists data for its choices: only when this form is drawn.
        String html = preferenceForm.render(widget.type(), widget.widget()::choices, messages, values, errors,
                Namespaces.of(instance.id()), page.postBase() + "/configure/" + Paths.encode(instance.id()),
                csrf.field(caller), page.path() + "#" + Namespaces.sectionId(instance.id()), 2, versioning);
        return WidgetView.of(html);
    }

    /** Writes the page with the given status, one instance optionally replaced. */
    public void show(HttpServletRequest request, HttpServletResponse response, Caller caller, PageRef page, int status,
            Optional<Replacement> replacement) throws IOException {
        boolean editor = caller.has(Roles.EDITOR);
        String configuring = editor ? request.getParameter("configure") : null;
        String removing = editor ? request.getParameter("remove") : null;
        String pageTitle = title(page, caller);
        String viewTitle = null;

        List<WidgetInstance> placed = instances.onPage(page.key());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            WidgetInstance instance = placed.get(i);
            Optional<RegisteredWidget> widget = widgets.find(instance.widgetType());
            if (widget.isEmpty() && !editor) {
                continue; // its bundle is not running; visitors never learn the page had it
            }
            Map<String, Object> section = new LinkedHashMap<>();
            String id = Namespaces.sectionId(instance.id());
            section.put("id", id);
            section.put("number", i + 1);
            section.put("first", i == 0);
            section.put("last", i == placed.size() - 1);
            section.put("typeKey", instance.widgetType());
            section.put("name", widget.map(w -> w.name(caller.locale())).orElse(instance.widgetType()));
            String encodedId = Paths.encode(instance.id());
            section.put("configureHref", page.path() + "?configure=" + encodedId + "#" + id);
            section.put("removeHref", page.path() + "?remove=" + encodedId + "#" + id);
            section.put("moveAction", page.postBase() + "/move/" + encodedId);
            section.put("removeAction", page.postBase() + "/remove/" + encodedId);
            section.put("version", Long.toString(instance.version()));
            section.put("html", "");
            if (widget.isEmpty()) {
                section.put("state", "missing");
            } else if (replacement.isPresent() && replacement.get().instanceId().equals(instance.id())) {
                section.put("state", "ok");
                section.put("html", replacement.get().view().html());
                viewTitle = replacement.get().view().title().orElse(viewTitle);
            } else if (instance.id().equals(configuring)) {
                RegisteredWidget w = widget.get();
                section.put("state", "configuring");
                section.put("html", preferenceForm(caller, page, instance, w, w.type().resolve(instance.preferences()),
                        Map.of(), PreferenceForm.Versioning.at(instance.version())).html());
            } else if (instance.id().equals(removing)) {
                section.put("state", "removing");
            } else {
                Optional<WidgetView> view = render(request, response, caller, page, instance, widget.get());
                section.put("state", view.isPresent() ? "ok" : "failed");
                section.put("html", view.map(WidgetView::html).orElse(""));
                if (viewTitle == null && view.isPresent()) {
                    viewTitle = view.get().title().orElse(null);
                }
                // A view that says "this names nothing" (a group page for an unknown group) makes
                // the page's status say so too, for browsers, search engines and links checkers.
                if (status == HttpServletResponse.SC_OK && view.isPresent() && view.get().status() != WidgetView.OK) {
                    status = view.get().status();
                }
            }
            sections.add(section);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("heading", page.widget().isPresent() ? pageTitle : site.siteName());
        model.put("editor", editor);
        model.put("sections", sections);
        model.put("addAction", page.postBase() + "/add");
        // Only editors see the "add a widget" list.
        List<Map<String, String>> types = new ArrayList<>();
        if (editor) {
            for (RegisteredWidget w : widgets.all()) {
                types.add(Map.of("value", w.key(), "label", w.name(caller.locale())));
            }
        }
        model.put("types", types);
        String title = viewTitle != null && !viewTitle.isBlank() ? viewTitle : pageTitle;
        if (status == HttpServletResponse.SC_BAD_REQUEST || status == HttpServletResponse.SC_CONFLICT) {
            // GOV.UK pattern: a page shown again with errors says so first in its title.
            title = layout.messages(caller).get("title.error", title);
        }
        layout.page(request, response, caller, status, title, page.path(), "page.ftlh", model);
    }

    // A widget that fails must not take the page down with it: the rest still shows.
    private Optional<WidgetView> render(HttpServletRequest request, HttpServletResponse response, Caller caller,
            PageRef page, WidgetInstance instance, RegisteredWidget widget) {
        try {
            return Optional.of(widget.widget().render(request(request, response, caller, page, instance, widget)));
        } catch (RuntimeException | LinkageError e) {
            log.error("Widget {} (instance {}) failed to render on page {}", widget.key(), instance.id(), page.key(), e);
            return Optional.empty();
        }
    }
}
