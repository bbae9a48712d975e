package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import dev.participation.api.widget.Widget;

/** The words Liferay shows around the widgets: the menu's category and each portlet's title. */
class PortletLanguageTest {

    @Test
    void theDisplayCategoryHasALabelInThePortalsLanguageKeys() throws Exception {
        String category = PortletAdapterConfiguration.class.getMethod("displayCategory").getDefaultValue().toString();
        assertThat(category).isEqualTo("category.participation");

        // What Liferay's language extender reads: the capability's base name, then its files.
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        assertThat(manifest.getMainAttributes().getValue("Provide-Capability"))
                .contains("liferay.language.resources;resource.bundle.base.name=\"content.Language\"");
        ClassLoader loader = PortletTitles.class.getClassLoader();
        assertThat(ResourceBundle.getBundle("content.Language", Locale.ROOT, loader).getString(category))
                .isEqualTo("Participation");
        assertThat(ResourceBundle.getBundle("content.Language", Locale.ENGLISH, loader).getString(category))
                .isEqualTo("Participation");
        assertThat(ResourceBundle.getBundle("content.Language", Locale.forLanguageTag("cy"), loader).getString(category))
                .isEqualTo("Cyfranogiad");
    }

    @Test
    void eachWidgetsTitleAndDescriptionReachThePortalInEveryLanguageItIsWrittenIn() throws Exception {
        BundleContext context = mock(BundleContext.class);
        Map<String, ResourceBundle> byLanguage = new LinkedHashMap<>();
        List<ServiceRegistration<ResourceBundle>> registrations = new ArrayList<>();
        when(context.registerService(eq(ResourceBundle.class), any(ResourceBundle.class), any())).thenAnswer(i -> {
            Dictionary<String, Object> properties = i.getArgument(2);
            byLanguage.put((String) properties.get(PortletTitles.LANGUAGE_ID), i.getArgument(1));
            @SuppressWarnings("unchecked")
            ServiceRegistration<ResourceBundle> registration = mock(ServiceRegistration.class);
            registrations.add(registration);
            return registration;
        });
        PortletTitles titles = new PortletTitles(context);
        ServiceReference<Widget> reference = widgetIn("/content/Language_cy.properties",
                "/dev/participation/pledge/widget/Language_cy.properties");

        titles.addWidget(reference, new TestWidget("pledge"));

        assertThat(byLanguage.keySet()).containsExactly("", "cy");
        assertThat(byLanguage.get("").getString("javax.portlet.title.dev_participation_pledge")).isEqualTo("Pledge display");
        assertThat(byLanguage.get("cy").getString("javax.portlet.title.dev_participation_pledge")).isEqualTo("Ein haddewid");
        assertThat(byLanguage.get("").getString("javax.portlet.description.dev_participation_pledge"))
                .isEqualTo("Shows a pledge");
        // Nothing that would restyle Liferay's own words: only this portlet's keys.
        assertThat(Collections.list(byLanguage.get("cy").getKeys())).containsExactlyInAnyOrder(
                "javax.portlet.title.dev_participation_pledge", "javax.portlet.description.dev_participation_pledge");

        titles.removeWidget(reference);
        registrations.forEach(r -> verify(r).unregister());
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Widget> widgetIn(String... languageFiles) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String file : languageFiles) {
            urls.add(new URL("file:" + file));
        }
        Bundle bundle = mock(Bundle.class);
        when(bundle.findEntries("/", "Language_*.properties", true)).thenReturn(Collections.enumeration(urls));
        ServiceReference<Widget> reference = mock(ServiceReference.class);
        when(reference.getBundle()).thenReturn(bundle);
        return reference;
    }
}
