package dev.participation.liferay;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.portlet.ActionURL;
import javax.portlet.MimeResponse;
import javax.portlet.MutableRenderParameters;
import javax.portlet.Portlet;
import javax.portlet.PortletConfig;
import javax.portlet.PortletContext;
import javax.portlet.PortletMode;
import javax.portlet.PortletPreferences;
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
 * One window of a portlet on a Liferay page, made of Mockito mocks of the {@code javax.portlet}
 * types the framework's system bundle exports: the portlet inside sees the same interfaces.
 */
final class PortletWindow {

    private final Portlet portlet;
    private final String name;
    private final Map<String, Object> session = new HashMap<>();
    private String user;
    private Set<String> roles = Set.of();

    /** Initialises the portlet as Liferay does before its first render. */
    PortletWindow(Portlet portlet, String name) throws Exception {
        this.portlet = portlet;
        this.name = name;
        PortletConfig config = lenientMock(PortletConfig.class);
        lenient().when(config.getPortletName()).thenReturn(name);
        lenient().when(config.getPortletContext()).thenReturn(lenientMock(PortletContext.class));
        lenient().when(config.getSupportedLocales()).thenReturn(java.util.Collections.enumeration(java.util.List.of(Locale.UK)));
        portlet.init(config);
    }

    /** A signed-in Liferay user holding these regular roles. */
    PortletWindow signedIn(String userId, Set<String> roleNames) {
        this.user = userId;
        this.roles = roleNames;
        return this;
    }

    /** Renders the window in view mode, as a visitor's first look at the page, and returns its HTML. */
    String render() throws Exception {
        RenderRequest request = lenientMock(RenderRequest.class);
        lenient().when(request.getPortletMode()).thenReturn(PortletMode.VIEW);
        lenient().when(request.getWindowState()).thenReturn(WindowState.NORMAL);
        lenient().when(request.getLocale()).thenReturn(Locale.UK);
        lenient().when(request.getWindowID()).thenReturn(name + "_INSTANCE_a1");
        lenient().when(request.getRemoteUser()).thenReturn(user);
        lenient().when(request.isUserInRole(anyString())).thenAnswer(i -> roles.contains(i.<String>getArgument(0)));
        lenient().when(request.getAttribute(RenderRequest.USER_INFO))
                .thenReturn(user == null ? null : Map.of("user.name.full", "Sam Jones"));
        lenient().when(request.getServerName()).thenReturn("council.example");
        lenient().when(request.getServerPort()).thenReturn(443);
        lenient().when(request.getScheme()).thenReturn("https");
        lenient().when(request.isSecure()).thenReturn(true);
        lenient().when(request.getContextPath()).thenReturn("");
        lenient().when(request.isPortletModeAllowed(any())).thenReturn(true);
        PortletPreferences preferences = lenientMock(PortletPreferences.class);
        lenient().when(preferences.getValue(anyString(), any())).thenAnswer(i -> i.getArgument(1));
        lenient().when(preferences.getMap()).thenReturn(Map.of());
        lenient().when(request.getPreferences()).thenReturn(preferences);
        PortletSession portletSession = lenientMock(PortletSession.class);
        lenient().when(portletSession.getAttribute(anyString())).thenAnswer(i -> session.get(i.<String>getArgument(0)));
        doAnswer(i -> session.put(i.getArgument(0), i.getArgument(1))).when(portletSession).setAttribute(anyString(), any());
        lenient().when(request.getPortletSession()).thenReturn(portletSession);
        lenient().when(request.getPortletSession(true)).thenReturn(portletSession);
        lenient().when(request.getPortletSession(false)).thenReturn(portletSession);
        RenderParameters parameters = lenientMock(RenderParameters.class);
        lenient().when(parameters.getNames()).thenReturn(Set.of());
        lenient().when(request.getRenderParameters()).thenReturn(parameters);

        RenderResponse response = lenientMock(RenderResponse.class);
        StringWriter html = new StringWriter();
        lenient().when(response.getWriter()).thenReturn(new PrintWriter(html, true));
        lenient().when(response.getNamespace()).thenReturn("_" + name + "_INSTANCE_a1_");
        lenient().when(response.createRenderURL()).thenAnswer(i -> url(RenderURL.class, "render"));
        lenient().when(response.createRenderURL(any(MimeResponse.Copy.class))).thenAnswer(i -> url(RenderURL.class, "render"));
        lenient().when(response.createActionURL()).thenAnswer(i -> url(ActionURL.class, "action"));
        lenient().when(response.createActionURL(any(MimeResponse.Copy.class))).thenAnswer(i -> url(ActionURL.class, "action"));
        lenient().when(response.createResourceURL()).thenAnswer(i -> url(ResourceURL.class, "resource"));
        portlet.render(request, response);
        return html.toString();
    }

    private static <T> T url(Class<T> type, String kind) {
        T url = lenientMock(type);
        if (url instanceof PortletURL portletUrl) {
            lenient().when(portletUrl.getRenderParameters()).thenReturn(lenientMock(MutableRenderParameters.class));
        }
        lenient().when(url.toString()).thenReturn("https://council.example/web/guest/home?p_p_lifecycle=" + kind);
        return url;
    }

    private static <T> T lenientMock(Class<T> type) {
        return mock(type, withSettings().strictness(Strictness.LENIENT));
    }
}
