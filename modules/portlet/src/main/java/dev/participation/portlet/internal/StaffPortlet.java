package dev.participation.portlet.internal;

import java.io.IOException;
import java.net.URL;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.GenericPortlet;
import javax.portlet.PortletException;
import javax.portlet.PortletRequest;
import javax.portlet.PortletResponse;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;

import dev.participation.api.widget.Person;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.post.PostReply;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.StaffActions;
import dev.participation.kit.template.Templates;

/**
 * One {@link StaffPage} as a portlet, with the screens, roles, CSRF protection and audit log it
 * has in the embedded portal's intranet. The path below the page is the render parameter
 * {@link StaffPortletLinks#PATH}; a form posts through {@link #processAction} to the
 * {@link StaffAction} registered for the page and the action's name, run only for a person who
 * holds the action's role, and the outcome is answered as {@link PostReply} decides for every host.
 */
final class StaffPortlet extends GenericPortlet {

    private static final LanguageBundles WORDS = new LanguageBundles(StaffPortlet.class,
            "dev/participation/portlet/staff/Language");
    private static final Templates TEMPLATES = Templates.of(StaffPortlet.class, "/dev/participation/portlet/staff");

    private final StaffPage page;
    private final BiFunction<String, String, Optional<StaffAction>> actions;
    private final Supplier<RoleMapping> roles;
    private final ZoneId portalZone;
    private final Function<String, URL> assets;

    /**
     * @param page       the staff page
     * @param actions    the registered staff actions, by page key and action name
     * @param roles      the current role mapping, read on every request
     * @param portalZone the participation clock's zone, for people whose own the portal does not say
     * @param assets     finds a file below the page bundle's {@code /assets/} folder, or {@code null}
     */
    StaffPortlet(StaffPage page, BiFunction<String, String, Optional<StaffAction>> actions,
            Supplier<RoleMapping> roles, ZoneId portalZone, Function<String, URL> assets) {
        this.page = Objects.requireNonNull(page);
        this.actions = Objects.requireNonNull(actions);
        this.roles = Objects.requireNonNull(roles);
        this.portalZone = Objects.requireNonNull(portalZone);
        this.assets = Objects.requireNonNull(assets);
    }

    StaffPage page() {
        return page;
    }

    @Override
    protected String getTitle(RenderRequest request) {
        return messages(request).get(page.titleKey());
    }

    @Override
    protected void doView(RenderRequest request, RenderResponse response) throws PortletException, IOException {
        response.setContentType("text/html");
        Optional<Person> person = PortalPeople.of(request, roles.get());
        OneShot shot = OneShot.take(request);
        if (shot != null && shot.invalidHtml() != null) {
            // The form as typed with its errors, or why nothing was done, exactly once.
            response.getWriter().write(StaffPortletLinks.resolve(shot.invalidHtml(), shot.marker(), response));
            return;
        }
        if (person.isEmpty() || !person.get().hasRole(page.requiredRole())) {
            // Liferay shows the portlet to whoever may view the page it sits on; the screens are
            // for people holding the page's role only, as on the intranet.
            response.getWriter().write(refusal(request, person.isEmpty() ? "staffPortlet.signIn"
                    : "staffPortlet.notPermitted", null));
            return;
        }
        String path = path(request);
        StaffPortletLinks links = StaffPortletLinks.at(path);
        Map<String, List<String>> parameters = ParameterMaps.of(request.getRenderParameters());
        WidgetView view = page.render(request(request, response, person, parameters, links));
        if (view.status() != WidgetView.OK) {
            // As WidgetPortlet does: a render has no status of its own, the property passes it on.
            response.setProperty(ResourceResponse.HTTP_STATUS_CODE, Integer.toString(view.status()));
        }
        Messages messages = messages(request);
        String notice = shot == null ? "" : shot.noticeMessage().map(n -> Form.text(messages, n)).orElse("");
        response.getWriter().write(StaffPortletLinks.resolve(screen(messages, view, notice), links.marker(), response));
    }

    @Override
    public void processAction(ActionRequest request, ActionResponse response) throws PortletException, IOException {
        String path = path(request);
        StaffPortletLinks links = StaffPortletLinks.at(path);
        if (!PortletCsrf.accepts(request)) {
            // Not from a form this portlet served in this session: nothing changes.
            refuse(request, links, "staffPortlet.expired");
            return;
        }
        Optional<Person> person = PortalPeople.of(request, roles.get());
        if (person.isEmpty() || !person.get().hasRole(page.requiredRole())) {
            refuse(request, links, "staffPortlet.forbidden");
            return;
        }
        Map<String, List<String>> parameters = ParameterMaps.of(request.getRenderParameters());
        parameters.putAll(ParameterMaps.of(request.getActionParameters()));
        parameters.remove(PortletCsrf.PARAMETER);
        PostReply reply = PostReply.of(
                StaffActions.dispatch(page, request(request, response, person, parameters, links), actions),
                location -> links.target(location).isPresent());
        if (reply instanceof PostReply.Redirect redirect) {
            redirect.notice().ifPresent(n -> OneShot.notice(n).keep(request));
            StaffPortletLinks.Target target = redirect.location().flatMap(links::target)
                    .orElseGet(() -> StaffPortletLinks.Target.parse(path));
            // Post-redirect-get inside the portal: the next render shows the target afresh.
            response.getRenderParameters().clearPrivate();
            response.getRenderParameters().setValue(StaffPortletLinks.PATH, target.path());
            target.parameters().forEach((name, values) ->
                    response.getRenderParameters().setValues(name, values.toArray(String[]::new)));
        } else if (reply instanceof PostReply.ShowAgain again) {
            OneShot.invalidView(screen(messages(request), again.view(), ""), links.marker()).keep(request);
        } else {
            refuse(request, links, ((PostReply.Refuse) reply).status() == PostReply.FORBIDDEN
                    ? "staffPortlet.forbidden" : "staffPortlet.notAccepted");
        }
    }

    /** Serves static files from the staff page bundle's {@code /assets/} folder (the preview's stylesheet). */
    @Override
    public void serveResource(ResourceRequest request, ResourceResponse response) throws PortletException, IOException {
        BundleAssets.serve(request, response, assets);
    }

    private PortletStaffRequest request(PortletRequest request, PortletResponse response, Optional<Person> person,
            Map<String, List<String>> parameters, StaffPortletLinks links) {
        parameters.remove(StaffPortletLinks.PATH);
        return new PortletStaffRequest(person, request.getLocale(), UserTimeZone.of(request).orElse(portalZone),
                parameters, response.getNamespace(), PortletCsrf.field(request, response), links, links.path());
    }

    /** The screen with the page's main heading (the screen's title, else the page's) and a notice. */
    private String screen(Messages messages, WidgetView view, String notice) {
        String heading = view.title().filter(t -> !t.isBlank()).orElseGet(() -> messages.get(page.titleKey()));
        return TEMPLATES.render("staff.ftlh", Map.of("heading", heading, "html", view.html(), "notice", notice),
                messages);
    }

    /**
     * Leaves the reason nothing was done for the next render, which shows it once, with the
     * way back to the page's start. The render state the action URL carried stays as it was.
     */
    private void refuse(ActionRequest request, StaffPortletLinks links, String key) {
        OneShot.invalidView(refusal(request, key, links.page()), links.marker()).keep(request);
    }

    private String refusal(PortletRequest request, String key, String back) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("key", key);
        model.put("back", back == null ? "" : back);
        return TEMPLATES.render("refusal.ftlh", model, messages(request));
    }

    private Messages messages(PortletRequest request) {
        return Messages.of(request.getLocale(), page.messages(request.getLocale()), WORDS.forLocale(request.getLocale()));
    }

    private static String path(PortletRequest request) {
        String path = request.getRenderParameters().getValue(StaffPortletLinks.PATH);
        return path == null ? "" : path;
    }
}
