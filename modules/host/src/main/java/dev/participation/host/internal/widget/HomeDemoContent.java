package dev.participation.host.internal.widget;

import java.util.Locale;
import java.util.Map;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstances;
import dev.participation.host.internal.site.PageRef;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Puts a welcoming Introduction at the top of the demo home page. Its words come from
 * Language.properties in the site's first language, so a Welsh council's demo is in Welsh.
 */
@Component(service = DemoContent.class)
public final class HomeDemoContent implements DemoContent {

    private final WidgetInstances instances;
    private final Site site;

    @Activate
    public HomeDemoContent(@Reference WidgetInstances instances, @Reference Site site) {
        this.instances = instances;
        this.site = site;
    }

    @Override
    public String key() {
        return "host.home";
    }

    @Override
    public void install(String actor) {
        boolean present = instances.onPage(PageRef.HOME).stream()
                .anyMatch(i -> IntroductionWidget.KEY.equals(i.widgetType()));
        if (present) {
            return;
        }
        Locale locale = site.defaultLocale();
        Messages words = site.messages(locale);
        Map<String, String> preferences = Map.of(
                IntroductionWidget.HEADING, words.get("demo.home.heading"),
                IntroductionWidget.TEXT, words.get("demo.home.text").replace("\\n", "\n"),
                IntroductionWidget.LEVEL, "2");
        instances.place(PageRef.HOME, IntroductionWidget.KEY, preferences, actor);
    }
}
