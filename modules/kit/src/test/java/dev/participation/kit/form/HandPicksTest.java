package dev.participation.kit.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;

class HandPicksTest {

    private final HandPicks picks = new HandPicks("events", 60);
    private final Set<String> published = Set.of("youth-forum", "play-day");

    @Test
    void fiveOptionalPickListsInTheWidgetsWordsTheFirstExplained() {
        List<PreferenceDefinition> settings = picks.definitions();

        assertThat(settings).extracting(PreferenceDefinition::key).containsExactlyElementsOf(HandPicks.KEYS);
        assertThat(settings).extracting(PreferenceDefinition::labelKey).containsExactly("events.pref.pick1",
                "events.pref.pick2", "events.pref.pick3", "events.pref.pick4", "events.pref.pick5");
        assertThat(settings.get(0).hintKey()).isEqualTo("events.pref.pick.hint");
        assertThat(settings.subList(1, 5)).allSatisfy(s -> assertThat(s.hintKey()).isNull());
        assertThat(settings).allSatisfy(s -> assertThat(s.required()).isFalse());
    }

    @Test
    void onlyThePickListsAskWhatCanBePicked() {
        List<Choice> offered = List.of(Choice.named("youth-forum", "Youth Forum"));
        PreferenceDefinition layout = PreferenceDefinition.choice("layout", "events.pref.layout", null, "list", true,
                List.of(Choice.keyed("list", "events.layout.list")));

        assertThat(picks.choices(picks.definitions().get(2), () -> offered)).isEqualTo(offered);
        assertThat(picks.choices(layout, () -> {
            throw new AssertionError("the store is not asked for another setting's list");
        })).isEqualTo(layout.choices());
    }

    @Test
    void whatWasPickedComesInTheEditorsOrderEachOnce() {
        Preferences settings = new Preferences(Map.of("pick1", "play-day", "pick2", "", "pick3", "youth-forum",
                "pick4", "play-day"));

        assertThat(HandPicks.picked(settings)).containsExactly("play-day", "youth-forum");
    }

    @Test
    void aPickThatIsGoneOrNothingPickedForAHandPickedWidgetCannotBeSaved() {
        Preferences gone = new Preferences(Map.of("pick1", "youth-forum", "pick3", "last-years-fair"));
        Preferences none = new Preferences(Map.of());

        assertThat(picks.check(gone, true, published::contains))
                .isEqualTo(Map.of("pick3", Message.of("events.pref.pick.gone")));
        assertThat(picks.check(none, true, published::contains))
                .isEqualTo(Map.of("pick1", Message.of("events.pref.pick.none")));
        assertThat(picks.check(none, false, published::contains)).isEmpty();
    }
}
