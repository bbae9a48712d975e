package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import javax.portlet.Portlet;

import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Registering a widget makes a Liferay portlet appear; withdrawing it makes the portlet go. Each
 * staff page (the pledge's authoring and evidence pages here) is a portlet as well.
 */
class PortletAdapterTest {

    @InjectBundleContext
    BundleContext context;

    static final class ItestWidget implements Widget {
        @Override
        public WidgetType type() {
            return new WidgetType("itest-widget", "itest.name", "itest.description", "Participation",
                    List.of(PreferenceDefinition.text("heading", "itest.heading", null, "Hello", true, 80)));
        }

        @Override
        public ResourceBundle messages(Locale locale) {
            return ResourceBundle.getBundle("itest.Language", locale, ItestWidget.class.getClassLoader());
        }

        @Override
        public WidgetView render(WidgetRequest request) {
            return WidgetView.of("<p>" + request.preferences().get("heading") + "</p>");
        }
    }

    @Test
    void aWidgetBecomesAnInstanceablePortletInTheParticipationCategory() throws Exception {
        String filter = "(&(objectClass=" + Portlet.class.getName() + ")(dev.participation.widget.key=itest-widget))";
        ServiceTracker<Portlet, Portlet> portlets = new ServiceTracker<>(context, context.createFilter(filter), null);
        portlets.open();
        ServiceRegistration<Widget> widget = context.registerService(Widget.class, new ItestWidget(), new Hashtable<>());
        try {
            assertThat(portlets.waitForService(TimeUnit.SECONDS.toMillis(10))).isNotNull();
            ServiceReference<Portlet> ref = portlets.getServiceReference();
            assertThat(ref.getProperty("javax.portlet.name")).isEqualTo("dev_participation_itest_widget");
            assertThat(ref.getProperty("javax.portlet.display-name")).isEqualTo("Integration test widget");
            assertThat(ref.getProperty("com.liferay.portlet.display-category")).isEqualTo("category.participation");
            assertThat(ref.getProperty("com.liferay.portlet.instanceable")).isEqualTo("true");
            assertThat(String.valueOf(ref.getProperty("javax.portlet.portlet-mode"))).contains("config");
        } finally {
            widget.unregister();
        }
        assertThat(portlets.getServiceReferences()).isNull();
        portlets.close();
    }

    @Test
    void everyStaffPageIsAPortletTooForEditorsInLiferay() throws Exception {
        for (String page : List.of("pledges", "pledge-evidence")) {
            String filter = "(&(objectClass=" + Portlet.class.getName() + ")(dev.participation.staff.page=" + page + "))";
            ServiceTracker<Portlet, Portlet> portlets = new ServiceTracker<>(context, context.createFilter(filter), null);
            portlets.open();
            try {
                assertThat(portlets.waitForService(TimeUnit.SECONDS.toMillis(10))).as(page).isNotNull();
                assertThat(portlets.getServiceReference().getProperty("javax.portlet.name"))
                        .isEqualTo("dev_participation_staff_" + page.replace('-', '_'));
            } finally {
                portlets.close();
            }
        }
    }
}
