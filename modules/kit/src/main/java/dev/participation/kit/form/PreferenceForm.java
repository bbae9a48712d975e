package dev.participation.kit.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.PreferenceType;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetType;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * Draws the editor's form for a widget type's preferences from its declaration alone, so every
 * host (the embedded portal, a Liferay configuration mode) shows the same form and the same errors.
 */
public final class PreferenceForm {

    /**
     * The hidden field, after the namespace, carrying the version of the settings the form was
     * drawn from. Preference keys start with a letter, so it never meets one.
     */
    public static final String VERSION_FIELD = "_version";

    // Radios show every option at a glance; past this many a select is easier to scan.
    private static final int MAX_RADIOS = 6;

    /**
     * The stored settings' version the form is drawn from, so a host can refuse a save made over
     * someone else's newer change; and, when it has just refused one, the settings saved meanwhile,
     * which the form shows beside what the editor typed.
     *
     * @param version        goes into the form's {@link #VERSION_FIELD}
     * @param savedMeanwhile the settings someone else saved after the editor opened the form
     */
    public record Versioning(long version, Optional<Preferences> savedMeanwhile) {

        public Versioning {
            Objects.requireNonNull(savedMeanwhile, "savedMeanwhile");
        }

        /** A form drawn from the settings at this version. */
        public static Versioning at(long version) {
            return new Versioning(version, Optional.empty());
        }

        /** The form again after a refused save: the editor's values, and what is stored now at {@code version}. */
        public static Versioning changedMeanwhile(long version, Preferences saved) {
            return new Versioning(version, Optional.of(saved));
        }
    }

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
        return render(type, messages, values, errors, namespace, action, csrf, cancel, headingLevel, null);
    }

    /**
     * The form for versioned settings: as {@link #render(WidgetType, Messages, Preferences, Map,
     * String, String, CsrfField, String, int)}, carrying the version, and after a refused save
     * saying so, with the settings saved meanwhile under each one that differs from what the
     * editor typed (which stays in the fields, ready to save again).
     *
     * @param versioning the version the form is drawn from, and what was saved meanwhile if anything
     * @since 1.1
     */
    public String render(WidgetType type, Messages messages, Preferences values, Map<String, Message> errors,
            String namespace, String action, CsrfField csrf, String cancel, int headingLevel, Versioning versioning) {
        return render(type, PreferenceDefinition::choices, messages, values, errors, namespace, action, csrf, cancel,
                headingLevel, versioning);
    }

    /**
     * The form for a widget whose choices may come from data: as {@link #render(WidgetType,
     * Messages, Preferences, Map, String, String, CsrfField, String, int, Versioning)}, with each
     * choice's options asked of {@code options} (a widget's {@code choices}) while the form is
     * drawn, once per choice.
     *
     * @param options    the options of a choice preference, usually {@code widget::choices}
     * @param versioning the version the form is drawn from, or {@code null} where settings are not versioned
     * @since 1.2
     */
    public String render(WidgetType type, Function<PreferenceDefinition, List<Choice>> options, Messages messages,
            Preferences values, Map<String, Message> errors, String namespace, String action, CsrfField csrf,
            String cancel, int headingLevel, Versioning versioning) {
        Optional<Preferences> saved = versioning == null ? Optional.empty() : versioning.savedMeanwhile();
        List<Map<String, Object>> fields = new ArrayList<>();
        for (PreferenceDefinition p : type.preferences()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", namespace + p.key());
            List<Choice> offered = p.type() == PreferenceType.CHOICE ? withNone(p, options.apply(p)) : List.of();
            field.put("kind", kind(p, offered));
            field.put("label", messages.get(p.labelKey()));
            field.put("hint", p.hintKey() == null ? "" : messages.get(p.hintKey()));
            field.put("value", values.get(p.key()));
            field.put("error", errors.containsKey(p.key()) ? messages.get(errors.get(p.key())) : "");
            List<Map<String, String>> shownOptions = new ArrayList<>();
            for (Choice c : offered) {
                shownOptions.add(Map.of("value", c.value(), "label", messages.label(c)));
            }
            field.put("options", shownOptions);
            field.put("saved", saved.filter(other -> !other.get(p.key()).equals(values.get(p.key())))
                    .map(other -> shown(p, offered, other.get(p.key()), messages)).orElse(""));
            fields.add(field);
        }
        Map<String, String> summary = new LinkedHashMap<>();
        if (saved.isPresent()) {
            String first = fields.stream().filter(f -> !f.get("saved").toString().isEmpty()).findFirst()
                    .or(() -> fields.stream().findFirst()).map(f -> f.get("name").toString()).orElse(namespace);
            summary.put(first, messages.get("preferences.changedMeanwhile"));
        }
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
        model.put("versionName", namespace + VERSION_FIELD);
        model.put("version", versioning == null ? "" : Long.toString(versioning.version()));
        return templates.render("kit/preferences.ftlh", model, messages);
    }

    /** A stored value as the editor would recognise it: a choice's label, yes or no, or "nothing". */
    private static String shown(PreferenceDefinition p, List<Choice> offered, String value, Messages messages) {
        if (value == null || value.isEmpty()) {
            return messages.get("preferences.savedMeanwhile.empty");
        }
        if (p.type() == PreferenceType.BOOLEAN) {
            return messages.get("true".equals(value) ? "preferences.savedMeanwhile.yes" : "preferences.savedMeanwhile.no");
        }
        for (Choice c : offered) {
            if (c.value().equals(value)) {
                return messages.label(c);
            }
        }
        return value;
    }

    private static String kind(PreferenceDefinition p, List<Choice> offered) {
        return switch (p.type()) {
            case TEXT -> "text";
            case MULTILINE_TEXT -> "textarea";
            case INTEGER -> "number";
            case BOOLEAN -> "checkbox";
            case CHOICE -> offered.size() <= MAX_RADIOS ? "radios" : "select";
        };
    }

    /**
     * A choice that may be left empty offers "None" first, unless the widget names its own empty
     * option: otherwise, once chosen, it could never be set back, radios and selects alike.
     */
    private static List<Choice> withNone(PreferenceDefinition p, List<Choice> offered) {
        if (p.required() || offered.stream().anyMatch(c -> c.value().isEmpty())) {
            return offered;
        }
        List<Choice> all = new ArrayList<>(offered.size() + 1);
        all.add(Choice.keyed("", "preferences.choice.none"));
        all.addAll(offered);
        return all;
    }

}
