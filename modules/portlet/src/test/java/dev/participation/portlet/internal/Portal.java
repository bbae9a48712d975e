package dev.participation.portlet.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.portlet.ActionParameters;
import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.ActionURL;
import javax.portlet.MimeResponse;
import javax.portlet.MutableRenderParameters;
import javax.portlet.PortletMode;
import javax.portlet.PortletPreferences;
import javax.portlet.PortletRequest;
import javax.portlet.PortletSession;
import javax.portlet.PortletURL;
import javax.portlet.RenderParameters;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.RenderURL;
import javax.portlet.ResourceURL;
import javax.portlet.WindowState;

import org.mockito.quality.Strictness;

/**
 * A portal made of mocked {@code javax.portlet} types for one portlet window: one session, one set
 * of stored preferences, and URLs whose text shows their mode and parameters.
 */
final class Portal {

    static final String NAMESPACE = "_dev_participation_pledge_INSTANCE_a1_";
    static final String HOST = "council.example";

    final Map<String, Object> session = new HashMap<>();
    final Map<String, String> stored = new LinkedHashMap<>();
    final Map<String, String> pendingPreferences = new LinkedHashMap<>();
    final PortletPreferences preferences = lenientMock(PortletPreferences.class);
    private final PortletSession portletSession = lenientMock(PortletSession.class);
    int stores;

    String user;
    Map<String, String> userInfo = Map.of();
    /** What Liferay would put under {@link UserTimeZone#THEME_DISPLAY}; null for a portal that sets nothing. */
    Object themeDisplay;
    Set<String> portalRoles = Set.of();
    Locale locale = Locale.UK;
    boolean configAllowed = true;

    Portal() throws Exception {
        lenient().when(portletSession.getAttribute(anyString())).thenAnswer(i -> session.get(i.<String>getArgument(0)));
        doAnswer(i -> session.put(i.getArgument(0), i.getArgument(1))).when(portletSession).setAttribute(anyString(), any());
        doAnswer(i -> session.remove(i.<String>getArgument(0))).when(portletSession).removeAttribute(anyString());
        lenient().when(preferences.getValue(anyString(), any())).thenAnswer(i -> stored.getOrDefault(i.<String>getArgument(0), i.getArgument(1)));
        doAnswer(i -> pendingPreferences.put(i.getArgument(0), i.getArgument(1))).when(preferences).setValue(anyString(), any());
        doAnswer(i -> {
            stored.putAll(pendingPreferences);
            pendingPreferences.clear();
            stores++;
            return null;
        }).when(preferences).store();
    }

    /** A rendered page: the request, the response and what the portlet wrote. */
    record Render(RenderRequest request, RenderResponse response, StringWriter out) {
        String html() {
            return out.toString();
        }
    }

    /**
     * A post: the request, the response and the render parameters it ended with (as a mock to
     * verify, and as the values the next render gets).
     */
    record Action(ActionRequest request, ActionResponse response, MutableRenderParameters renderParameters,
            Map<String, String> next) {
    }

    Render render(PortletMode mode, Map<String, String> renderParameters) throws Exception {
        RenderRequest request = lenientMock(RenderRequest.class);
        common(request, mode, renderParameters);
        RenderResponse response = lenientMock(RenderResponse.class);
        StringWriter out = new StringWriter();
        lenient().when(response.getWriter()).thenReturn(new PrintWriter(out, true));
        lenient().when(response.getNamespace()).thenReturn(NAMESPACE);
        lenient().when(response.createRenderURL(any(MimeResponse.Copy.class))).thenAnswer(i -> url(RenderURL.class, "render"));
        lenient().when(response.createActionURL(any(MimeResponse.Copy.class))).thenAnswer(i -> url(ActionURL.class, "action"));
        lenient().when(response.createResourceURL()).thenAnswer(i -> resourceUrl());
        return new Render(request, response, out);
    }

    Render render() throws Exception {
        return render(PortletMode.VIEW, Map.of());
    }

    /** A post carrying the CSRF token this portal's session holds (as a real form would). */
    Action post(PortletMode mode, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        Object token = session.get("dev.participation.portlet.csrf");
        if (token != null) {
            withToken.put(WidgetPortlet.CSRF_PARAMETER, token.toString());
        }
        return postExactly(mode, withToken);
    }

    Action postExactly(PortletMode mode, Map<String, String> fields) throws Exception {
        return postExactly(mode, Map.of(), fields);
    }

    /** A post to an action URL that carries render parameters, with the session's CSRF token. */
    Action post(Map<String, String> renderParameters, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        Object token = session.get(PortletCsrf.SESSION_ATTRIBUTE);
        if (token != null) {
            withToken.put(PortletCsrf.PARAMETER, token.toString());
        }
        return postExactly(PortletMode.VIEW, renderParameters, withToken);
    }

    Action postExactly(PortletMode mode, Map<String, String> renderParameters, Map<String, String> fields)
            throws Exception {
        ActionRequest request = lenientMock(ActionRequest.class);
        common(request, mode, renderParameters);
        ActionParameters parameters = lenientMock(ActionParameters.class);
        lenient().when(parameters.getNames()).thenReturn(fields.keySet());
        lenient().when(parameters.getValue(anyString())).thenAnswer(i -> fields.get(i.<String>getArgument(0)));
        lenient().when(parameters.getValues(anyString())).thenAnswer(i -> {
            String v = fields.get(i.<String>getArgument(0));
            return v == null ? null : new String[] {v};
        });
        lenient().when(request.getActionParameters()).thenReturn(parameters);
        ActionResponse response = lenientMock(ActionResponse.class);
        // As the portlet container does: the response starts with the action URL's render parameters.
        Map<String, String> next = new LinkedHashMap<>(renderParameters);
        MutableRenderParameters nextParameters = parameters(next);
        lenient().when(response.getRenderParameters()).thenReturn(nextParameters);
        lenient().when(response.getNamespace()).thenReturn(NAMESPACE);
        lenient().when(response.createRedirectURL(any(MimeResponse.Copy.class))).thenAnswer(i -> url(RenderURL.class, "https://" + HOST + "/web/guest/home"));
        return new Action(request, response, nextParameters, next);
    }

    private void common(PortletRequest request, PortletMode mode, Map<String, String> renderParameters) {
        lenient().when(request.getPortletMode()).thenReturn(mode);
        lenient().when(request.getWindowState()).thenReturn(WindowState.NORMAL);
        lenient().when(request.isPortletModeAllowed(WidgetPortlet.CONFIG)).thenReturn(configAllowed);
        lenient().when(request.getRemoteUser()).thenReturn(user);
        lenient().when(request.isUserInRole(anyString())).thenAnswer(i -> portalRoles.contains(i.<String>getArgument(0)));
        lenient().when(request.getAttribute(PortletRequest.USER_INFO)).thenReturn(user == null ? null : userInfo);
        lenient().when(request.getAttribute(UserTimeZone.THEME_DISPLAY)).thenReturn(themeDisplay);
        lenient().when(request.getLocale()).thenReturn(locale);
        lenient().when(request.getWindowID()).thenReturn("dev_participation_pledge_INSTANCE_a1");
        lenient().when(request.getPreferences()).thenReturn(preferences);
        lenient().when(request.getPortletSession()).thenReturn(portletSession);
        lenient().when(request.getPortletSession(true)).thenReturn(portletSession);
        lenient().when(request.getPortletSession(false)).thenAnswer(i -> session.isEmpty() ? null : portletSession);
        lenient().when(request.getServerName()).thenReturn(HOST);
        lenient().when(request.getServerPort()).thenReturn(443);
        RenderParameters parameters = lenientMock(RenderParameters.class);
        lenient().when(parameters.getNames()).thenReturn(renderParameters.keySet());
        lenient().when(parameters.getValue(anyString())).thenAnswer(i -> renderParameters.get(i.<String>getArgument(0)));
        lenient().when(parameters.getValues(anyString())).thenAnswer(i -> {
            String v = renderParameters.get(i.<String>getArgument(0));
            return v == null ? null : new String[] {v};
        });
        lenient().when(request.getRenderParameters()).thenReturn(parameters);
    }

    /** A portlet URL whose text is "base?mode=...&name=value", so tests can read what it targets. */
    private static <T extends PortletURL> T url(Class<T> type, String base) throws Exception {
        T url = lenientMock(type);
        Map<String, String> parameters = new LinkedHashMap<>();
        PortletMode[] mode = {PortletMode.VIEW};
        MutableRenderParameters renderParameters = parameters(parameters);
        lenient().when(url.getRenderParameters()).thenReturn(renderParameters);
        doAnswer(i -> mode[0] = i.getArgument(0)).when(url).setPortletMode(any());
        lenient().when(url.toString()).thenAnswer(i -> base + "?mode=" + mode[0] + parameters.entrySet().stream()
                .map(e -> "&" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining()));
        return url;
    }

    /** Render parameters kept in a map, one value per name (all these tests need). */
    private static MutableRenderParameters parameters(Map<String, String> values) {
        MutableRenderParameters parameters = lenientMock(MutableRenderParameters.class);
        lenient().when(parameters.setValue(anyString(), anyString())).thenAnswer(i -> values.put(i.getArgument(0), i.getArgument(1)));
        lenient().when(parameters.setValues(anyString(), any(String[].class))).thenAnswer(i -> {
            String[] given = (String[]) i.getRawArguments()[1];
            return values.put(i.getArgument(0), given.length == 0 ? "" : given[0]);
        });
        lenient().when(parameters.getValue(anyString())).thenAnswer(i -> values.get(i.<String>getArgument(0)));
        lenient().when(parameters.getNames()).thenAnswer(i -> Set.copyOf(values.keySet()));
        doAnswer(i -> {
            values.clear();
            return null;
        }).when(parameters).clearPrivate();
        return parameters;
    }

    private static ResourceURL resourceUrl() {
        ResourceURL url = lenientMock(ResourceURL.class);
        String[] id = {""};
        doAnswer(i -> id[0] = i.getArgument(0)).when(url).setResourceID(anyString());
        lenient().when(url.toString()).thenAnswer(i -> "resource?id=" + id[0]);
        return url;
    }

    static <T> T lenientMock(Class<T> type) {
        return mock(type, withSettings().strictness(Strictness.LENIENT));
    }

}
