package dev.participation.api.widget;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of widget that editors can place on pages. Widgets register themselves as OSGi services;
 * hosts find them in the service registry and never call a widget's classes directly.
 */
@ConsumerType
public interface Widget {

    /**
     * The widget type's identity (key, name and description keys, category) and the declaration
     * of the settings an editor can change. It is constant for the life of the service and must
     * never touch the database: hosts read it once when the service registers and keep it. Options
     * that come from data are declared with {@link PreferenceDefinition#choiceFromData} and listed
     * by {@link #choices(PreferenceDefinition)}.
     *
     * @since 2.0 constant; before, it could change between calls
     */
    WidgetType type();

    /**
     * The options to offer for a {@link PreferenceType#CHOICE} preference of {@link #type()}, in
     * order. Hosts ask only while drawing (or describing) the settings form, never to render or to
     * resolve stored settings, so a widget may read data here. The default offers the declared
     * options; a widget overrides it for its preferences declared with
     * {@link PreferenceDefinition#choiceFromData}.
     *
     * @since 2.0
     */
    default List<Choice> choices(PreferenceDefinition preference) {
        return preference.choices();
    }

    /**
     * The widget's own checks of settings an editor is saving, beyond the declared types, for
     * example that a chosen pledge is still published. Hosts call it only when the values passed
     * {@link WidgetType#validate}, never when rendering. The default finds nothing wrong.
     *
     * @param settings the settings about to be saved, normalised
     * @return per preference key, what is wrong; empty when the settings may be saved
     * @since 2.0
     */
    default Map<String, Message> validate(Preferences settings) {
        return Map.of();
    }

    /**
     * Text for people in the given locale; every label and hint key in {@link #type()} resolves
     * here, so a host can draw the editor form without knowing the widget.
     */
    ResourceBundle messages(Locale locale);

    /** Renders the widget's current view as an HTML fragment. Must not change any state. */
    WidgetView render(WidgetRequest request);

    /**
     * Names of view parameters whose last value the host keeps for the rest of the visit and
     * passes back whenever a request does not carry them, so a choice such as easy read follows
     * the visitor from page to page. Values are short words (letters, digits, '-' and '_'), never
     * personal data. Hosts that cannot keep them simply pass what the request carries.
     *
     * @since 1.1
     */
    default Set<String> rememberedParameters() {
        return Set.of();
    }

    /**
     * Names of the view parameters (as {@link WidgetRequest#parameters()} holds them) whose values
     * can change what {@link #render} shows, remembered ones included. A host that reuses one
     * rendered copy of a public page for every visitor who is not signed in keys the copy on these
     * values alone, so any other parameter (a tracking tag, a random string) gets the same copy.
     * Empty, the default, means the widget does not say, and every parameter a host passes it
     * counts.
     *
     * @since 1.2
     */
    default Optional<Set<String>> viewParameters() {
        return Optional.empty();
    }

    /**
     * Handles a form post that the host has already checked for a valid CSRF token. Widgets
     * without forms keep the default, which refuses every post.
     */
    default PostOutcome post(WidgetRequest request) {
        return PostOutcome.notAccepted();
    }
}
