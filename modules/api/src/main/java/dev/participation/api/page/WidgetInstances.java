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
     * Replaces an instance's settings whatever they are now: for callers that did not read them
     * first (demo content, migrations). An editor's form uses
     * {@link #configure(String, long, Map, String)}.
     *
     * @throws java.util.NoSuchElementException if there is no such instance
     */
    WidgetInstance configure(String instanceId, Map<String, String> preferences, String actor);

    /**
     * Replaces an instance's settings if they are still at the version the caller read. Of two
     * saves made from the same version, on any portal nodes, exactly one succeeds.
     *
     * @param expectedVersion the {@link WidgetInstance#version()} the caller's form was drawn from
     * @return the instance with its new settings and version
     * @throws java.util.NoSuchElementException if there is no such instance
     * @throws ChangedMeanwhileException        if its settings are no longer at that version
     * @since 1.1
     */
    WidgetInstance configure(String instanceId, long expectedVersion, Map<String, String> preferences, String actor);

    /** Moves an instance to a new position on its page, shifting the others. */
    void move(String instanceId, int position, String actor);

    /** Takes an instance off its page; its settings are kept in the audit log only. */
    void remove(String instanceId, String actor);

    /**
     * Takes an instance off its page if its settings are still at the version the caller saw, so
     * nobody removes a widget that someone else has just set up differently without seeing it.
     *
     * @throws java.util.NoSuchElementException if there is no such instance
     * @throws ChangedMeanwhileException        if its settings are no longer at that version
     * @since 1.1
     */
    void remove(String instanceId, long expectedVersion, String actor);
}
