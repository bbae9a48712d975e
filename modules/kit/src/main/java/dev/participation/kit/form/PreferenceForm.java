package dev.participation.kit.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetType;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * Draws the editor's form for a widget type's preferences from its declaration alone, so every
 * host (the embedded portal, a Liferay configuration mode) shows the same form and the same errors.
 */
public final class PreferenceForm {

    // Radios show every option at a glance; past this many a select is easier to scan.
    private static final int MAX_RADIOS = 6;

    private final Templates templates = Templates.of(PreferenceForm.class, "/dev/participation/kit/templates");

    /**
     * @param type      the widget type whose preferences these are
     * @param messages  the widget's text backed by the kit's
     * @param values    what to show in each field (stored values, or what the editor typed)
     * @param errors    per preference key, what is wrong; empty on first display
     * @param namespace prefix for field names and ids
     * @param action    where the form posts to
     * @param csrf      the host's CSRF field
     * @param cancel    where "Cancel" goes
     * @param headingLevel level of the form's heading
     */
    public String render(WidgetType type, Messages messages, Preferences values, Map<String, Message> errors,
            String namespace, String action, CsrfField csrf, String cancel, int headingLevel) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (PreferenceDefinition p : type.preferences()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", namespace + p.key());
            field.put("kind", kind(p));
            field.put("label", messages.get(p.labelKey()));
            field.put("hint", p.hintKey() == null ? "" : messages.get(p.hintKey()));
            field.put("value", values.get(p.key()));
            field.put("error", errors.containsKey(p.key()) ? messages.get(errors.get(p.key())) : "");
            List<Map<String, String>> options = new ArrayList<>();
            for (Choice c : p.choices()) {
                options.add(Map.of("value", c.value(), "label", messages.label(c)));
            }
            field.put("options", options);
            fields.add(field);
        }
        Map<String, String> summary = new LinkedHashMap<>();
        for (PreferenceDefinition p : type.preferences()) {
            if (errors.containsKey(p.key())) {
                summary.put(namespace + p.key(), messages.get(errors.get(p.key())));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", messages.get("preferences.heading", messages.get(type.nameKey())));
        model.put("headingLevel", headingLevel);
        model.put("fields", fields);
        model.put("errors", summary);
        model.put("action", action);
        model.put("csrf", csrf);
        model.put("cancel", cancel);
        return templates.render("kit/preferences.ftlh", model, messages);
    }

    private static String kind(PreferenceDefinition p) {
        return switch (p.type()) {
            case TEXT -> "text";
            case MULTILINE_TEXT -> "textarea";
            case INTEGER -> "number";
            case BOOLEAN -> "checkbox";
            case CHOICE -> p.choices().size() <= MAX_RADIOS ? "radios" : "select";
        };
    }
}
