package dev.participation.kit.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.api.widget.WidgetType;

/**
 * A demo contribution that puts widgets on one page, once: a component extends it with its key and
 * page, and its {@link #install} places each widget. Each starts from its type's default settings
 * with a few changed, checked as the settings form checks an editor's, so the demo can never place
 * a widget an editor could not. A widget of the type already there with the same identifying
 * settings (from an earlier install, or an editor's own) is left as it is.
 */
public abstract class DemoPlacement implements DemoContent {

    private final String key;
    private final WidgetInstances instances;
    private final String page;

    /**
     * @param key  the contribution's key, so it is installed once per database
     * @param page the page the widgets go on, usually the widget type's own page
     */
    protected DemoPlacement(String key, WidgetInstances instances, String page) {
        this.key = key;
        this.instances = instances;
        this.page = page;
    }

    @Override
    public final String key() {
        return key;
    }

    /** A widget of this type with its default settings, unless the page has one already. */
    protected final void place(WidgetType type, String actor) {
        place(type, Map.of(), Map.of(), actor);
    }

    /**
     * A widget of this type, unless the page has one with the same {@code identity}.
     *
     * @param identity the settings that tell this widget from the type's others on the page, such
     *                 as its layout or the pledge it shows; empty when any widget of the type will do
     * @param settings other settings that differ from the type's defaults
     * @throws IllegalStateException when the settings would be refused: a demo that no longer fits its widget
     */
    protected final void place(WidgetType type, Map<String, String> identity, Map<String, String> settings,
            String actor) {
        if (instances.onPage(page).stream().anyMatch(placed -> matches(placed, type, identity))) {
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>(type.defaults().asMap());
        wanted.putAll(identity);
        wanted.putAll(settings);
        PreferencesValidation checked = type.validate(wanted);
        if (!checked.valid()) {
            throw new IllegalStateException("demo widget settings are invalid: " + checked.errors());
        }
        instances.place(page, type.key(), checked.values().asMap(), actor);
    }

    private static boolean matches(WidgetInstance placed, WidgetType type, Map<String, String> identity) {
        return type.key().equals(placed.widgetType())
                && identity.entrySet().stream()
                        .allMatch(setting -> setting.getValue().equals(placed.preferences().get(setting.getKey())));
    }
}
