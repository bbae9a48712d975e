package dev.participation.events.internal.widget;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstances;
import dev.participation.kit.demo.DemoPlacement;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's events page: the events widget with its filters on its own page ({@code /events} in
 * the embedded portal). The events themselves are the bundle's own demo content ({@code events.demo}).
 */
@Component(service = DemoContent.class)
public final class EventsDemo extends DemoPlacement {

    public static final String KEY = "events.widget.demo";
    /** The page the widget goes on: the widget's own page. */
    public static final String PAGE = EventsWidget.KEY;

    @Activate
    public EventsDemo(@Reference WidgetInstances instances) {
        super(KEY, instances, PAGE);
    }

    @Override
    public void install(String actor) {
        place(EventsWidget.TYPE_DECLARATION, actor);
    }
}
