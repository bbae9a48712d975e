package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.portlet.CacheControl;
import javax.portlet.HeaderRequest;
import javax.portlet.HeaderResponse;
import javax.portlet.MutableResourceParameters;
import javax.portlet.ResourceParameters;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;
import javax.portlet.ResourceURL;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

import dev.participation.kit.form.PreferenceForm;

class PortletHeadTest {

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/London");

    private final HeaderResources shared = new HeaderResources();
    private final TestWidget pledge = new TestWidget("pledge");
    private final WidgetPortlet pledgePortlet = portlet(pledge,
            new PortletHead(shared, "pledge", "1.2.0", List.of("pledge.css")));
    private final TestWidget events = new TestWidget("events");
    private final WidgetPortlet eventsPortlet = portlet(events,
            new PortletHead(shared, "events", "1.0.0", List.of("events.css", "print.css")));

    @Test
    void aPageWithManyWidgetsLoadsEachFileOnceInItsHead() throws Exception {
        Page page = new Page();
        pledgePortlet.renderHeaders(page.request(), page.response("_pledge_INSTANCE_a_"));
        pledgePortlet.renderHeaders(page.request(), page.response("_pledge_INSTANCE_b_"));
        eventsPortlet.renderHeaders(page.request(), page.response("_events_INSTANCE_c_"));

        assertThat(page.head.keySet()).containsExactly(
                "govuk-frontend.css", "govuk-frontend.js", "pledge/pledge.css", "events/events.css", "events/print.css");
        assertThat(page.head.get("govuk-frontend.css"))
                .startsWith("<link rel=\"stylesheet\" href=\"resource?ns=_pledge_INSTANCE_a_&amp;id=shared:govuk-frontend.css&amp;v=");
        assertThat(page.head.get("govuk-frontend.js"))
                .matches("<script type=\"module\" src=\"resource\\?ns=_pledge_INSTANCE_a_&amp;id=shared:govuk-start\\.js&amp;v=\\w+\""
                        + " data-govuk-frontend=\"resource\\?ns=_pledge_INSTANCE_a_&amp;id=shared:govuk-frontend\\.js&amp;v=\\w+\"></script>");
        assertThat(page.head.get("pledge/pledge.css"))
                .isEqualTo("<link rel=\"stylesheet\" href=\"resource?ns=_pledge_INSTANCE_a_&amp;id=pledge.css\">");
        // Liferay reads each dependency's markup as XML, after closing <link> elements itself.
        page.head.values().forEach(PortletHeadTest::assertOneXmlElement);
    }

    @Test
    void aStaffPageOnAPageWithWidgetsIsStyledByTheSameFilesLoadedOnce() throws Exception {
        StaffPortlet authoring = new StaffPortlet(mock(dev.participation.api.widget.StaffPage.class),
                (page, action) -> java.util.Optional.empty(), () -> RoleMapping.of(Configs.adapter()), ZONE, path -> null,
                new PortletHead(new HeaderResources(), "staff-pledges", "1.2.0", List.of("preview.css")));
        Page page = new Page();
        pledgePortlet.renderHeaders(page.request(), page.response("_pledge_INSTANCE_a_"));
        authoring.renderHeaders(page.request(), page.response("_dev_participation_staff_pledges_"));

        assertThat(page.head.keySet()).containsExactly(
                "govuk-frontend.css", "govuk-frontend.js", "pledge/pledge.css", "staff-pledges/preview.css");
        assertThat(page.head.get("staff-pledges/preview.css")).isEqualTo(
                "<link rel=\"stylesheet\" href=\"resource?ns=_dev_participation_staff_pledges_&amp;id=preview.css\">");
    }

    @Test
    void theWidgetsOwnStylesheetLinkLeavesTheBodyAndOtherLinksStay() throws Exception {
        Portal portal = new Portal();
        Portal.Render render = portal.render();
        when(render.request().getAttribute(PortletHead.LOADED)).thenReturn(Boolean.TRUE);
        String view = "<link rel=\"stylesheet\" href=\"resource?id=pledge.css\"><p>Hello</p>"
                + "<LINK href=\"resource?id=pledge.css\" rel=\"stylesheet\" />"
                + "<link rel=\"stylesheet\" href=\"https://cdn.example/other.css\">"
                + "<link rel=\"preload\" href=\"resource?id=pledge.css\">";
        PortletHead head = new PortletHead(shared, "pledge", "1.0.0", List.of("pledge.css"));

        assertThat(head.withoutOwnLinks(view, render.request(), render.response())).isEqualTo("<p>Hello</p>"
                + "<link rel=\"stylesheet\" href=\"https://cdn.example/other.css\">"
                + "<link rel=\"preload\" href=\"resource?id=pledge.css\">");
    }

    @Test
    void aRenderWithoutAHeaderPhaseKeepsTheWidgetsOwnLink() throws Exception {
        Portal.Render render = new Portal().render();
        String view = "<link rel=\"stylesheet\" href=\"resource?id=pledge.css\"><p>Hello</p>";
        PortletHead head = new PortletHead(shared, "pledge", "1.0.0", List.of("pledge.css"));

        assertThat(head.withoutOwnLinks(view, render.request(), render.response())).isEqualTo(view);
    }

    @Test
    void theHeaderPhaseTellsTheRenderThatTheHeadLoadsTheStylesheets() throws Exception {
        HeaderRequest request = mock(HeaderRequest.class);
        pledgePortlet.renderHeaders(request, new Page().response("_pledge_INSTANCE_a_"));

        verify(request).setAttribute(PortletHead.LOADED, Boolean.TRUE);
        // Liferay carries it to the render only under the prefix the portlet declares.
        assertThat(PortletHead.LOADED).startsWith(PortletHead.ATTRIBUTE_PREFIX + ".");
    }

    @Test
    void govukFrontendsStylesheetIsServedAsCssForAYearUnderItsVersion() throws Exception {
        String url = new Page().addedBy(pledgePortlet).get("govuk-frontend.css");
        String version = url.replaceAll(".*v=(\\w+)\".*", "$1");

        Served served = serve(HeaderResources.STYLESHEET, version);
        verify(served.response).setContentType("text/css;charset=UTF-8");
        verify(served.cache).setPublicScope(true);
        verify(served.cache).setExpirationTime(31_536_000);
        assertThat(served.body()).contains(".participation-widget .govuk-button").doesNotContain("@font-face")
                .doesNotContain("GDS Transport");

        Served old = serve(HeaderResources.STYLESHEET, "0000");
        verify(old.cache).setExpirationTime(3600);
        assertThat(old.body()).isEqualTo(served.body());
    }

    @Test
    void theScriptsAreServedAsJavaScriptAndUnknownSharedFilesAreNotFound() throws Exception {
        Served starter = serve(HeaderResources.STARTER, null);
        verify(starter.response).setContentType("text/javascript;charset=UTF-8");
        assertThat(starter.body()).contains("initAll({ scope: widget })");
        assertThat(serve(HeaderResources.SCRIPT, null).body()).contains("export");

        Served missing = serve("shared:secret.properties", null);
        verify(missing.response).setStatus(404);
        verify(missing.response, never()).getPortletOutputStream();
    }

    private Served serve(String id, String version) throws Exception {
        ResourceRequest request = mock(ResourceRequest.class);
        when(request.getResourceID()).thenReturn(id);
        ResourceParameters parameters = mock(ResourceParameters.class);
        lenient().when(parameters.getValue(HeaderResources.VERSION)).thenReturn(version);
        lenient().when(request.getResourceParameters()).thenReturn(parameters);
        ResourceResponse response = Portal.lenientMock(ResourceResponse.class);
        CacheControl cache = mock(CacheControl.class);
        when(response.getCacheControl()).thenReturn(cache);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getPortletOutputStream()).thenReturn(body);
        pledgePortlet.serveResource(request, response);
        return new Served(response, cache, body);
    }

    private record Served(ResourceResponse response, CacheControl cache, ByteArrayOutputStream out) {
        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static WidgetPortlet portlet(TestWidget widget, PortletHead head) {
        return new WidgetPortlet(widget, widget.type(), () -> new RoleMapping(java.util.Set.of(), java.util.Set.of(), java.util.Set.of()), ZONE, path -> null,
                new PreferenceForm(), head);
    }

    private static void assertOneXmlElement(String markup) {
        String xml = "<head>" + markup.replaceAll("(<link[^>]*>)", "$1</link>") + "</head>";
        try {
            XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
            int elements = 0;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    elements++;
                }
            }
            assertThat(elements).as(markup).isEqualTo(2);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new AssertionError("not well-formed: " + markup, e);
        }
    }

    /**
     * A page's head as Liferay keeps it: a dependency is keyed by name, scope and version, and a
     * second one under the same key adds nothing.
     */
    private static final class Page {
        final Map<String, String> head = new LinkedHashMap<>();
        private final List<String> keys = new ArrayList<>();

        Map<String, String> addedBy(WidgetPortlet portlet) throws Exception {
            portlet.renderHeaders(request(), response("_pledge_INSTANCE_a_"));
            return head;
        }

        HeaderRequest request() {
            return mock(HeaderRequest.class);
        }

        HeaderResponse response(String namespace) {
            HeaderResponse response = Portal.lenientMock(HeaderResponse.class);
            lenient().when(response.getNamespace()).thenReturn(namespace);
            lenient().when(response.createResourceURL()).thenAnswer(i -> resourceUrl(namespace));
            doAnswer(i -> {
                String key = i.getArgument(0) + ":" + i.getArgument(1) + ":" + i.getArgument(2);
                assertThat((String) i.getArgument(1)).isEqualTo(HeaderResources.SCOPE);
                assertThat((String) i.getArgument(2)).matches("\\d+\\.\\d+\\.\\d+");
                if (!keys.contains(key)) {
                    keys.add(key);
                    head.put(i.getArgument(0), i.getArgument(3));
                }
                return null;
            }).when(response).addDependency(anyString(), anyString(), anyString(), anyString());
            return response;
        }

        private static ResourceURL resourceUrl(String namespace) {
            ResourceURL url = Portal.lenientMock(ResourceURL.class);
            Map<String, String> parameters = new LinkedHashMap<>();
            String[] id = {""};
            doAnswer(i -> id[0] = i.getArgument(0)).when(url).setResourceID(anyString());
            MutableResourceParameters resourceParameters = Portal.lenientMock(MutableResourceParameters.class);
            lenient().when(resourceParameters.setValue(anyString(), anyString()))
                    .thenAnswer(i -> parameters.put(i.getArgument(0), i.getArgument(1)));
            lenient().when(url.getResourceParameters()).thenReturn(resourceParameters);
            lenient().when(url.toString()).thenAnswer(i -> "resource?ns=" + namespace + "&id=" + id[0]
                    + parameters.entrySet().stream().map(e -> "&" + e.getKey() + "=" + e.getValue())
                            .reduce("", String::concat));
            return url;
        }
    }

}
