package dev.participation.rest.javax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Liferay 7.4 reads of this bundle, as bnd built it: the servlet's whiteboard registration,
 * and requirements no higher than Liferay provides (DS 1.4, javax.servlet 3.1, Jackson 2.16.1,
 * OSGi log 1.4, no Jakarta, no whiteboard implementation newer than its own).
 */
class LiferayRegistrationTest {

    private static Document component(String name) throws Exception {
        try (InputStream in = LiferayRegistrationTest.class.getResourceAsStream("/OSGI-INF/" + name + ".xml")) {
            assertThat(in).as("component description %s, written by bnd", name).isNotNull();
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    /** This bundle's manifest, among the class path's many. */
    private static Attributes manifest() throws Exception {
        for (URL url : Collections.list(LiferayRegistrationTest.class.getClassLoader()
                .getResources("META-INF/MANIFEST.MF"))) {
            try (InputStream in = url.openStream()) {
                Attributes attributes = new Manifest(in).getMainAttributes();
                if ("participation-rest-javax".equals(attributes.getValue("Bundle-SymbolicName"))) {
                    return attributes;
                }
            }
        }
        throw new AssertionError("bnd wrote no manifest for participation-rest-javax");
    }

    @Test
    void theServletIsAWhiteboardServletOfLiferaysDefaultContextAtParticipationApi() throws Exception {
        Document servlet = component(ApiServlet.class.getName());
        Element root = servlet.getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = servlet.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            properties.put(p.getAttribute("name"), p.getAttribute("value"));
        }

        assertThat(((Element) servlet.getElementsByTagName("provide").item(0)).getAttribute("interface"))
                .isEqualTo("javax.servlet.Servlet");
        assertThat(properties)
                .containsEntry("osgi.http.whiteboard.servlet.pattern", "/participation/api/*")
                .containsEntry("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=default)");
        assertThat(root.getAttribute("configuration-pid")).isEqualTo("dev.participation.rest");
        assertThat(root.getNamespaceURI() == null ? root.getAttribute("xmlns:scr") : root.getNamespaceURI())
                .isEqualTo("http://www.osgi.org/xmlns/scr/v1.4.0");
        // The core's own components come with it, so nothing else needs deploying for the API.
        assertThat(component("dev.participation.rest.internal.core.JsonApi")).isNotNull();
        assertThat(component("dev.participation.rest.internal.core.WidgetTypesResource")).isNotNull();
    }

    @Test
    void everyRequirementIsOneLiferay74Meets() throws Exception {
        Attributes manifest = manifest();
        String imports = manifest.getValue("Import-Package");
        String requirements = manifest.getValue("Require-Capability");

        assertThat(imports).contains("javax.servlet;version=\"[3.1,4)\"", "javax.servlet.http;version=\"[3.1,4)\"")
                .doesNotContain("jakarta.", "org.osgi.service.servlet", "dev.participation.rest");
        assertThat(floors(imports, "com.fasterxml.jackson")).isNotEmpty().allMatch(v -> v.equals("2.16"));
        assertThat(floors(imports, "org.osgi.service.log")).containsExactly("1.4");
        assertThat(floors(imports, "org.osgi.framework")).allMatch(v -> v.compareTo("1.9") <= 0);
        assertThat(requirements).contains("(osgi.extender=osgi.component)(version>=1.4.0)(!(version>=2.0.0))")
                .doesNotContain("osgi.implementation", "JakartaServlet");
        assertThat(manifest.getValue("Export-Package")).as("the core stays private").isNull();
    }

    /** The lowest version each imported package under this prefix accepts, one per import. */
    private static List<String> floors(String imports, String prefix) {
        List<String> floors = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "[\\w.]*(;[^,]*?version=\"\\[(\\d+\\.\\d+))?")
                .matcher(imports);
        while (m.find()) {
            floors.add(m.group(2) == null ? "unversioned" : m.group(2));
        }
        return floors;
    }
}
