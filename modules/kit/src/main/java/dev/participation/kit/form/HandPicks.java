package dev.participation.kit.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;

/**
 * "Chosen by hand": up to five items (events, groups) an editor picks for a widget to show instead
 * of a search, kept as the settings {@code pick1} to {@code pick5}, each holding an item's address.
 * The pick lists offer what can be picked when the settings form is drawn; a pick that has gone
 * since, or "chosen by hand" with nothing picked, cannot be saved.
 *
 * <p>The words are the widget's own, under its prefix: {@code <prefix>.pref.pick1} to
 * {@code pick5} label the lists, {@code <prefix>.pref.pick.hint} explains the first,
 * {@code <prefix>.pref.pick.gone} and {@code <prefix>.pref.pick.none} say what is wrong.
 */
public final class HandPicks {

    /** The settings' keys, in the order the widget shows what they name. */
    public static final List<String> KEYS = List.of("pick1", "pick2", "pick3", "pick4", "pick5");

    private final String prefix;
    private final int longest;

    /**
     * @param prefix  the start of the widget's message keys, such as {@code events}
     * @param longest the longest address a pick accepts
     */
    public HandPicks(String prefix, int longest) {
        this.prefix = prefix;
        this.longest = longest;
    }

    /** The five settings, none required, each a list filled from data. */
    public List<PreferenceDefinition> definitions() {
        return IntStream.range(0, KEYS.size()).mapToObj(n -> PreferenceDefinition.choiceFromData(KEYS.get(n),
                prefix + ".pref.pick" + (n + 1), n == 0 ? prefix + ".pref.pick.hint" : null, false, longest)).toList();
    }

    /**
     * What a setting's list offers: for a pick, what can be picked now (read only for a pick, since
     * it asks the store); any other setting keeps its own choices.
     */
    public List<Choice> choices(PreferenceDefinition preference, Supplier<List<Choice>> pickable) {
        return KEYS.contains(preference.key()) ? pickable.get() : preference.choices();
    }

    /** The addresses picked, in the editor's order, each once. */
    public static List<String> picked(Preferences settings) {
        return KEYS.stream().map(settings::value).flatMap(Optional::stream).distinct().toList();
    }

    /**
     * What stops these settings being saved, per setting: each pick whose item is gone, and, when
     * the widget shows only what was picked, nothing picked (put on the first pick).
     *
     * @param showsOnlyPicked whether the settings say "chosen by hand"
     * @param exists          whether an address still names an item that can be picked
     */
    public Map<String, Message> check(Preferences settings, boolean showsOnlyPicked, Predicate<String> exists) {
        Map<String, Message> errors = new LinkedHashMap<>();
        for (String pick : KEYS) {
            settings.value(pick).filter(address -> !exists.test(address))
                    .ifPresent(gone -> errors.put(pick, Message.of(prefix + ".pref.pick.gone")));
        }
        if (showsOnlyPicked && picked(settings).isEmpty()) {
            errors.put(KEYS.get(0), Message.of(prefix + ".pref.pick.none"));
        }
        return errors;
    }
}
