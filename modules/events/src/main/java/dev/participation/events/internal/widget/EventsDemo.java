package dev.participation.events.internal.widget;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstances;
import dev.participation.api.widget.PreferencesValidation;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's events page: the events widget with its filters on its own page ({@code /events} in
 * the embedded portal). The events themselves are the bundle's own demo content ({@code events.demo}).
 */
@Component(service = DemoContent.class)
public final class EventsDemo implements DemoContent {

    public static final String KEY = "events.widget.demo";
    /** The page the widget goes on: the widget's own page. */
    public static final String PAGE = EventsWidget.KEY;

    private final WidgetInstances instances;

    @Activate
    public EventsDemo(@Reference WidgetInstances instances) {
        this.instances = instances;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public void install(String actor) {
        boolean present = instances.onPage(PAGE).stream().anyMatch(i -> EventsWidget.KEY.equals(i.widgetType()));
        if (present) {
            return;
        }
        Map<String, String> prefs = new LinkedHashMap<>();
        EventsWidget.TYPE_DECLARATION.preferences().forEach(p -> prefs.put(p.key(), p.defaultValue()));
        PreferencesValidation checked = EventsWidget.TYPE_DECLARATION.validate(prefs);
        if (!checked.valid()) {
            throw new IllegalStateException("demo widget settings are invalid: " + checked.errors());
        }
        instances.place(PAGE, EventsWidget.KEY, checked.values().asMap(), actor);
    }
}
