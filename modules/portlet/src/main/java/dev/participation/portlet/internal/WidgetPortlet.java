package dev.participation.portlet.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.GenericPortlet;
import javax.portlet.MimeResponse;
import javax.portlet.PortletException;
import javax.portlet.PortletMode;
import javax.portlet.PortletModeException;
import javax.portlet.PortletParameters;
import javax.portlet.PortletPreferences;
import javax.portlet.PortletRequest;
import javax.portlet.PortletResponse;
import javax.portlet.PortletURL;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;
import javax.portlet.WindowState;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.form.PreferenceForm;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.post.PostReply;
import dev.participation.kit.text.PlainText;

/**
 * One widget type as a portlet. View mode renders the widget and passes its form posts to it;
 * Liferay's {@code config} mode shows editors the kit's preferences form and stores what they set
 * in the placed instance's portlet preferences.
 */
final class WidgetPortlet extends GenericPortlet {

    /** Liferay's configuration mode (its {@code LiferayPortletMode.CONFIG}). */
    static final PortletMode CONFIG = new PortletMode("config");

    /** The CSRF form field, namespaced in the markup: see {@link PortletCsrf}. */
    static final String CSRF_PARAMETER = PortletCsrf.PARAMETER;

    private static final String SAVED_NOTICE = "preferences.saved";

    private final Widget widget;
    private final WidgetType type;
    private final Supplier<RoleMapping> roles;
    private final ZoneId portalZone;
    private final Function<String, URL> assets;
    private final PreferenceForm form;

    /**
     * @param widget the widget service
     * @param type   the widget's type, read once when the portlet is made (the SPI promises it is
     *               constant, so no request asks again)
     * @param roles  the current role mapping (read on every request, so configuration changes apply
     *               without re-registering the portlet)
     * @param portalZone the participation clock's zone, for people whose own the portal does not say
     * @param assets finds a file below the widget bundle's {@code /assets/} folder, or {@code null}
     * @param form   the kit's preferences form
     */
    WidgetPortlet(Widget widget, WidgetType type, Supplier<RoleMapping> roles, ZoneId portalZone,
            Function<String, URL> assets, PreferenceForm form) {
        this.widget = Objects.requireNonNull(widget);
        this.type = Objects.requireNonNull(type);
        this.portalZone = Objects.requireNonNull(portalZone);
        this.roles = Objects.requireNonNull(roles);
        this.assets = Objects.requireNonNull(assets);
        this.form = Objects.requireNonNull(form);
    }

    Widget widget() {
        return widget;
    }

    // The portlet's title bar in the visitor's language: Liferay would otherwise look for a
    // resource bundle in this adapter, which does not hold the widget's text.
    @Override
    protected String getTitle(RenderRequest request) {
        return messages(request.getLocale()).get(type.nameKey());
    }

    @Override
    protected void doDispatch(RenderRequest request, RenderResponse response) throws PortletException, IOException {
        if (CONFIG.equals(request.getPortletMode()) && !WindowState.MINIMIZED.equals(request.getWindowState())) {
            doConfig(request, response);
        } else {
            super.doDispatch(request, response);
        }
    }

    @Override
    protected void doView(RenderRequest request, RenderResponse response) throws PortletException, IOException {
        Optional<Person> person = person(request);
        OneShot shot = takeOneShot(request);
        String html;
        if (shot != null && shot.invalidHtml() != null) {
            // What the person typed, with the widget's explanations, exactly once.
            html = PortletLinks.resolve(shot.invalidHtml(), shot.marker(), response, PortletMode.VIEW);
        } else {
            Optional<Message> notice = shot == null ? Optional.empty() : shot.noticeMessage();
            WidgetRequest widgetRequest = widgetRequest(request, response, person, parameters(request.getRenderParameters()),
                    PortletLinks.forRender(response, PortletMode.VIEW), notice);
            WidgetView view = widget.render(widgetRequest);
            if (view.status() != WidgetView.OK) {
                // javax.portlet gives a status only to resource responses; a render's page belongs
                // to the portal. The same property passes the status on to a portal that honours it
                // for renders, and the view's own words tell the person either way.
                response.setProperty(ResourceResponse.HTTP_STATUS_CODE, Integer.toString(view.status()));
            }
            html = view.html();
        }
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        out.write(html);
        if (mayConfigure(request, person)) {
            out.write(configureLink(request, response));
        }
    }

    /**
     * Liferay's Configuration menu item opens a ConfigurationAction (a Liferay class this adapter
     * does without), so editors reach config mode through this link under the widget.
     */
    private String configureLink(RenderRequest request, RenderResponse response) throws PortletModeException {
        PortletURL configure = response.createRenderURL(MimeResponse.Copy.NONE);
        configure.setPortletMode(CONFIG);
        Messages messages = messages(request.getLocale());
        return "<p class=\"govuk-body pw-configure\"><a class=\"govuk-link\" href=\""
                + PlainText.escape(configure.toString()) + "\">"
                + PlainText.escape(messages.get("preferences.heading", messages.get(type.nameKey())))
                + "</a></p>";
    }

    /** Configuration mode: the preferences form, for editors only. */
    private void doConfig(RenderRequest request, RenderResponse response) throws PortletException, IOException {
        Optional<Person> person = person(request);
        if (!mayConfigure(request, person)) {
            // Liferay grants config mode by the CONFIGURATION permission; someone who has it
            // without an editor role sees the widget rather than a form they may not use.
            doView(request, response);
            return;
        }
        OneShot shot = takeOneShot(request);
        Preferences values;
        Map<String, Message> errors;
        if (shot != null && shot.typed() != null) {
            values = new Preferences(shot.typed());
            errors = shot.errorMessages();
        } else {
            values = type.resolve(stored(request.getPreferences()));
            errors = Map.of();
        }
        Links links = PortletLinks.forRender(response, CONFIG);
        // The widget lists data for its choices here only, while the form is drawn.
        String html = form.render(type, widget::choices, messages(request.getLocale()), values, errors,
                response.getNamespace(), links.action(), csrf(request, response), links.page(), 2, null);
        response.setContentType("text/html");
        response.getWriter().write(html);
    }

    @Override
    public void processAction(ActionRequest request, ActionResponse response) throws PortletException, IOException {
        if (!PortletCsrf.accepts(request)) {
            // Not from a page this portlet served (or the session ended): nothing changes.
            return;
        }
        if (CONFIG.equals(request.getPortletMode())) {
            saveConfiguration(request, response);
        } else {
            post(request, response);
        }
    }

    private void post(ActionRequest request, ActionResponse response) throws PortletException, IOException {
        PortletLinks.Deferred links = PortletLinks.deferred(response);
        Map<String, List<String>> parameters = new LinkedHashMap<>(parameters(request.getRenderParameters()));
        parameters.putAll(parameters(request.getActionParameters()));
        parameters.remove(CSRF_PARAMETER);
        WidgetRequest widgetRequest = widgetRequest(request, response, person(request), parameters, links.links(),
                Optional.empty());
        PostReply reply = PostReply.of(widget.post(widgetRequest),
                location -> SameSite.allows(location, request.getServerName(), request.getServerPort()));
        if (reply instanceof PostReply.Redirect redirect) {
            redirect.notice().ifPresent(n -> putOneShot(request, OneShot.notice(n)));
            if (redirect.location().isPresent()) {
                response.sendRedirect(redirect.location().get());
            } else {
                // Never to another site: back to the page, as a fresh view.
                response.getRenderParameters().clearPrivate();
            }
        } else if (reply instanceof PostReply.ShowAgain again) {
            putOneShot(request, OneShot.invalidView(again.view().html(), links.marker()));
        }
        // Refused: the render state the action URL carried stays as it was, and nothing changed.
    }

    private void saveConfiguration(ActionRequest request, ActionResponse response) throws PortletException, IOException {
        if (!mayConfigure(request, person(request))) {
            return;
        }
        // Only declared keys are read, so nothing else a form carries can reach storage.
        Map<String, String> submitted = new LinkedHashMap<>();
        for (PreferenceDefinition p : type.preferences()) {
            String value = request.getActionParameters().getValue(p.key());
            if (value != null) {
                submitted.put(p.key(), value);
            }
        }
        PreferencesValidation validation = type.validate(submitted).and(widget::validate);
        if (!validation.valid()) {
            putOneShot(request, OneShot.invalidPreferences(validation.values().asMap(), validation.errors()));
            response.setPortletMode(CONFIG);
            return;
        }
        PortletPreferences preferences = request.getPreferences();
        for (Map.Entry<String, String> e : validation.values().asMap().entrySet()) {
            preferences.setValue(e.getKey(), e.getValue());
        }
        preferences.store();
        putOneShot(request, OneShot.notice(Message.of(SAVED_NOTICE)));
        response.setPortletMode(PortletMode.VIEW);
        response.getRenderParameters().clearPrivate();
    }

    /** Serves static files from the widget bundle's {@code /assets/} folder, and nothing else. */
    @Override
    public void serveResource(ResourceRequest request, ResourceResponse response) throws PortletException, IOException {
        BundleAssets.serve(request, response, assets);
    }

    private WidgetRequest widgetRequest(PortletRequest request, PortletResponse response, Optional<Person> person,
            Map<String, List<String>> parameters, Links links, Optional<Message> notice) {
        Preferences preferences = type.resolve(stored(request.getPreferences()));
        return new PortletWidgetRequest(request.getWindowID(), preferences, person, request.getLocale(),
                UserTimeZone.of(request).orElse(portalZone), parameters, response.getNamespace(),
                csrf(request, response), links, notice);
    }

    private Messages messages(Locale locale) {
        return Messages.of(locale, widget.messages(locale));
    }

    /** The stored values of declared preferences; {@link WidgetType#resolve} fills in the rest. */
    private Map<String, String> stored(PortletPreferences preferences) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PreferenceDefinition p : type.preferences()) {
            String value = preferences.getValue(p.key(), null);
            if (value != null) {
                values.put(p.key(), value);
            }
        }
        return values;
    }

    private static CsrfField csrf(PortletRequest request, PortletResponse response) {
        return PortletCsrf.field(request, response);
    }

    private Optional<Person> person(PortletRequest request) {
        return PortalPeople.of(request, roles.get());
    }

    /**
     * An editor whom the portal also lets into config mode: Liferay allows it only to people
     * with the portlet's CONFIGURATION permission, and neither alone is enough.
     */
    private static boolean mayConfigure(PortletRequest request, Optional<Person> person) {
        return isEditor(person) && request.isPortletModeAllowed(CONFIG);
    }

    private static boolean isEditor(Optional<Person> person) {
        return person.map(p -> p.hasRole(Roles.EDITOR)).orElse(false);
    }

    private static Map<String, List<String>> parameters(PortletParameters parameters) {
        return ParameterMaps.of(parameters);
    }

    private static OneShot takeOneShot(PortletRequest request) {
        return OneShot.take(request);
    }

    private static void putOneShot(PortletRequest request, OneShot shot) {
        shot.keep(request);
    }
}
