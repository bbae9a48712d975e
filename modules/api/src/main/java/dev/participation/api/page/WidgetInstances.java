package dev.participation.api.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Placed widgets and their settings. Callers validate settings against the widget type first;
 * every change is written to the audit log with the actor.
 */
@ProviderType
public interface WidgetInstances {

    /** The instances on a page, in position order. */
    List<WidgetInstance> onPage(String pageKey);

    Optional<WidgetInstance> find(String instanceId);

    /** Places a new instance at the end of the page. */
    WidgetInstance place(String pageKey, String widgetType, Map<String, String> preferences, String actor);

    /**
     * Replaces an instance's settings.
     *
     * @throws java.util.NoSuchElementException if there is no such instance
     */
    WidgetInstance configure(String instanceId, Map<String, String> preferences, String actor);

    /** Moves an instance to a new position on its page, shifting the others. */
    void move(String instanceId, int position, String actor);

    /** Takes an instance off its page; its settings are kept in the audit log only. */
    void remove(String instanceId, String actor);
}
