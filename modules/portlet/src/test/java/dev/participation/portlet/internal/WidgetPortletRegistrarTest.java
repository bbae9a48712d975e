package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.portlet.Portlet;

import dev.participation.api.widget.Widget;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

class WidgetPortletRegistrarTest {

    private final BundleContext context = mock(BundleContext.class);
    private final List<ServiceRegistration<Portlet>> registrations = new ArrayList<>();
    private final List<Portlet> portlets = new ArrayList<>();
    private final List<Dictionary<String, Object>> properties = new ArrayList<>();
    private final WidgetPortletRegistrar registrar = new WidgetPortletRegistrar(java.time.Clock.systemUTC());

    @SuppressWarnings("unchecked")
    WidgetPortletRegistrarTest() {
        when(context.registerService(eq(Portlet.class), any(Portlet.class), any())).thenAnswer(i -> {
            portlets.add(i.getArgument(1));
            properties.add(i.getArgument(2));
            ServiceRegistration<Portlet> registration = mock(ServiceRegistration.class);
            registrations.add(registration);
            return registration;
        });
    }

    private static PortletAdapterConfiguration config(String category) {
        PortletAdapterConfiguration config = mock(PortletAdapterConfiguration.class);
        when(config.displayCategory()).thenReturn(category);
        when(config.staffRoles()).thenReturn(new String[] {"Participation Staff"});
        when(config.editorRoles()).thenReturn(new String[] {"Participation Editor,Site Administrator"});
        when(config.adminRoles()).thenReturn(new String[] {"Administrator"});
        return config;
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Widget> reference(int ranking) {
        ServiceReference<Widget> reference = mock(ServiceReference.class);
        Bundle bundle = mock(Bundle.class);
        when(bundle.getVersion()).thenReturn(new org.osgi.framework.Version(1, 4, 2));
        when(reference.getBundle()).thenReturn(bundle);
        when(reference.compareTo(any())).thenAnswer(i -> {
            ServiceReference<Widget> other = i.getArgument(0);
            return Integer.compare(ranking, RANKINGS.getOrDefault(other, 0));
        });
        RANKINGS.put(reference, ranking);
        return reference;
    }

    private static final Map<Object, Integer> RANKINGS = new HashMap<>();

    private static Map<String, Object> asMap(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new HashMap<>();
        for (var keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, dictionary.get(key));
        }
        return map;
    }

    @Test
    void aWidgetBecomesAPortletWithLiferaysPropertiesAndLeavesWithIt() {
        ServiceReference<Widget> reference = reference(0);
        TestWidget widget = new TestWidget("group-directory");
        registrar.addWidget(reference, widget); // bound before activation, as DS does
        assertThat(registrations).isEmpty();

        registrar.activate(context, config("category.participation"));

        assertThat(asMap(properties.get(0))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("javax.portlet.name", "dev_participation_group_directory"),
                Map.entry("javax.portlet.display-name", "Pledge display"),
                Map.entry("javax.portlet.version", "3.0"),
                Map.entry("javax.portlet.portlet-mode", "text/html;view,config"),
                Map.entry("javax.portlet.security-role-ref", "power-user,user"),
                Map.entry("com.liferay.portlet.display-category", "category.participation"),
                Map.entry("com.liferay.portlet.instanceable", "true"),
                Map.entry("com.liferay.portlet.header-request-attribute-prefix", "dev.participation.portlet.head"),
                Map.entry("com.liferay.portlet.css-class-wrapper", "participation-widget participation-widget-group-directory"),
                Map.entry("dev.participation.widget.key", "group-directory")));
        assertThat(((WidgetPortlet) portlets.get(0)).widget()).isSameAs(widget);

        registrar.removeWidget(reference, widget);
        verify(registrations.get(0)).unregister();
    }

    @Test
    void eachWidgetGetsItsOwnPortletAndANewCategoryReachesThemAll() {
        registrar.activate(context, config("category.participation"));
        registrar.addWidget(reference(0), new TestWidget("pledge"));
        registrar.addWidget(reference(0), new TestWidget("events"));
        assertThat(properties).extracting(p -> p.get("javax.portlet.name"))
                .containsExactlyInAnyOrder("dev_participation_pledge", "dev_participation_events");

        registrar.modified(config("Council"));

        for (ServiceRegistration<Portlet> registration : registrations) {
            @SuppressWarnings("unchecked")
            ArgumentCaptor<Dictionary<String, Object>> updated = ArgumentCaptor.forClass(Dictionary.class);
            verify(registration).setProperties(updated.capture());
            assertThat(updated.getValue().get("com.liferay.portlet.display-category")).isEqualTo("Council");
        }
    }

    @Test
    void twoWidgetsWithOneKeyGiveOnePortletAndTheOtherTakesOverWhenTheFirstLeaves() {
        registrar.activate(context, config("category.participation"));
        ServiceReference<Widget> higher = reference(10);
        ServiceReference<Widget> lower = reference(1);
        TestWidget newer = new TestWidget("pledge");
        TestWidget older = new TestWidget("pledge");
        registrar.addWidget(lower, older);
        registrar.addWidget(higher, newer);

        assertThat(registrations).hasSize(2);
        verify(registrations.get(0)).unregister();
        assertThat(((WidgetPortlet) portlets.get(1)).widget()).isSameAs(newer);

        registrar.removeWidget(higher, newer);
        verify(registrations.get(1)).unregister();
        assertThat(((WidgetPortlet) portlets.get(2)).widget()).isSameAs(older);
        verify(registrations.get(2), never()).unregister();
    }

    @Test
    void deactivationWithdrawsEveryPortlet() {
        registrar.activate(context, config("category.participation"));
        registrar.addWidget(reference(0), new TestWidget("pledge"));
        registrar.deactivate();
        verify(registrations.get(0)).unregister();
    }
}
