package dev.participation.api.widget;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting an editor can change on a placed widget. The declaration alone is enough for a host
 * to draw the editor form, validate what comes back and explain what is wrong.
 *
 * <p>Validation failures use these message keys, which every host resolves from the kit's
 * {@code Language.properties}: {@code preference.error.required},
 * {@code preference.error.integer}, {@code preference.error.range} (minimum, maximum),
 * {@code preference.error.choice}, {@code preference.error.boolean} and
 * {@code preference.error.tooLong} (maximum length).
 *
 * @param key          stable identifier, stored with the instance
 * @param labelKey     message key of the field label
 * @param hintKey      message key of the hint under the label, or {@code null} for none
 * @param type         how the value is entered
 * @param defaultValue the value a new instance starts with; always valid
 * @param required     whether an empty value is refused
 * @param choices      the options, for {@link PreferenceType#CHOICE} only; empty when they come
 *                     from data
 * @param choicesFromData whether the options of this {@link PreferenceType#CHOICE} come from data
 *                     (published content, say) that a widget lists through
 *                     {@link Widget#choices(PreferenceDefinition)} only when the settings form is
 *                     drawn. The declared check then accepts any value up to {@code maxLength}
 *                     characters; the widget's own {@link Widget#validate(Preferences)} says whether
 *                     it still names something, and its view copes when it no longer does
 * @param min          smallest value, for {@link PreferenceType#INTEGER} only
 * @param max          largest value, for {@link PreferenceType#INTEGER} only
 * @param maxLength    longest text accepted, for the text types
 */
public record PreferenceDefinition(String key, String labelKey, String hintKey, PreferenceType type,
        String defaultValue, boolean required, List<Choice> choices, boolean choicesFromData, int min, int max,
        int maxLength) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    public PreferenceDefinition {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("preference key must be letters, digits, '.', '_' or '-': " + key);
        }
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        defaultValue = defaultValue == null ? "" : defaultValue;
        if (choicesFromData && (type != PreferenceType.CHOICE || !choices.isEmpty())) {
            throw new IllegalArgumentException("only a choice without declared options takes them from data: " + key);
        }
        if (type == PreferenceType.CHOICE && choices.isEmpty() && required && !choicesFromData) {
            throw new IllegalArgumentException("a required choice needs at least one option: " + key);
        }
        if (min > max) {
            throw new IllegalArgumentException("min greater than max: " + key);
        }
        // A default that fails its own rules would leave new instances unrenderable. An empty
        // default of a required field is the one exception: it makes the editor choose.
        if (!(defaultValue.isEmpty() && required)) {
            Optional<Message> problem = checkValue(type, defaultValue, required, choices, choicesFromData, min, max, maxLength);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("default value of " + key + " is invalid: " + problem.get().key());
            }
        }
    }

    public static PreferenceDefinition text(String key, String labelKey, String hintKey, String defaultValue,
            boolean required, int maxLength) {
        return new PreferenceDefinition(key, labelKey, hintKey, PreferenceType.TEXT, defaultValue, required,
                List.of(), false, 0, 0, maxLength);
    }

    public static PreferenceDefinition multilineText(String key, String labelKey, String hintKey,
            String defaultValue, boolean required, int maxLength) {
        return new PreferenceDefinition(key, labelKey, hintKey, PreferenceType.MULTILINE_TEXT, defaultValue,
                required, List.of(), false, 0, 0, maxLength);
    }

    public static PreferenceDefinition integer(String key, String labelKey, String hintKey, int defaultValue,
            int min, int max) {
        return new PreferenceDefinition(key, labelKey, hintKey, PreferenceType.INTEGER,
                Integer.toString(defaultValue), true, List.of(), false, min, max, 0);
    }

    public static PreferenceDefinition bool(String key, String labelKey, String hintKey, boolean defaultValue) {
        return new PreferenceDefinition(key, labelKey, hintKey, PreferenceType.BOOLEAN,
                Boolean.toString(defaultValue), true, List.of(), false, 0, 0, 0);
    }

    public static PreferenceDefinition choice(String key, String labelKey, String hintKey, String defaultValue,
            boolean required, List<Choice> choices) {
        return new PreferenceDefinition(key, labelKey, hintKey, PreferenceType.CHOICE, defaultValue, required,
                choices, false, 0, 0, 0);
    }

    /**
     * A choice whose options come from data, such as "which pledge": hosts ask
     * {@link Widget#choices(PreferenceDefinition)} for them only when they draw the settings form,
     * so rendering a placed widget never lists the data.
     *
     * @param maxLength longest value accepted (a slug or an id), at least 1
     * @since 2.0
     */
    public static PreferenceDefinition choiceFromData(String key, String labelKey, String hintKey, boolean required,
            int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("a choice from data needs a maximum length: " + key);
        }
        return new PreferenceDefinition(key, labelKey, hintKey, PreferenceType.CHOICE, "", required, List.of(), true,
                0, 0, maxLength);
    }

    /** Trims text and maps a missing checkbox to {@code false}, as browsers omit unticked boxes. */
    public String normalise(String raw) {
        if (type == PreferenceType.BOOLEAN) {
            return raw == null || raw.isBlank() ? "false" : raw.trim();
        }
        if (raw == null) {
            return "";
        }
        // Line breaks matter in multi-line text; elsewhere surrounding spaces are typing noise.
        return type == PreferenceType.MULTILINE_TEXT ? raw.strip().replace("\r\n", "\n") : raw.trim();
    }

    /** What is wrong with an already normalised value, if anything. */
    public Optional<Message> check(String value) {
        return checkValue(type, value, required, choices, choicesFromData, min, max, maxLength);
    }

    private static Optional<Message> checkValue(PreferenceType type, String value, boolean required,
            List<Choice> choices, boolean choicesFromData, int min, int max, int maxLength) {
        if (value == null || value.isEmpty()) {
            return required ? Optional.of(Message.of("preference.error.required")) : Optional.empty();
        }
        switch (type) {
            case CHOICE -> {
                if (choicesFromData) {
                    // Whether it still names something is data, and data is the widget's to check.
                    if (value.codePointCount(0, value.length()) > maxLength) {
                        return Optional.of(Message.of("preference.error.choice"));
                    }
                } else if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                    return Optional.of(Message.of("preference.error.choice"));
                }
            }
            case TEXT, MULTILINE_TEXT -> {
                if (maxLength > 0 && value.codePointCount(0, value.length()) > maxLength) {
                    return Optional.of(Message.of("preference.error.tooLong", maxLength));
                }
                if (!Characters.arePlain(value)) {
                    return Optional.of(Message.of("preference.error.characters"));
                }
            }
            case INTEGER -> {
                if (!INTEGER.matcher(value).matches()) {
                    return Optional.of(Message.of("preference.error.integer"));
                }
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    return Optional.of(Message.of("preference.error.range", min, max));
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return Optional.of(Message.of("preference.error.boolean"));
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
        return Optional.empty();
    }
}
