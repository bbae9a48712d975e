package dev.participation.kit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.MissingResourceException;

import org.junit.jupiter.api.Test;

class DemoWordsTest {

    private final DemoWords words = DemoWords.of(DemoWordsTest.class, "dev/participation/kit/demo/Demo");

    @Test
    void readsTextNumbersListsAndParagraphs() {
        assertThat(words.text("forum.title")).isEqualTo("Youth Forum");
        assertThat(words.number("forum.places")).isEqualTo(12);
        assertThat(words.list("events")).containsExactly("forum", "week");
        assertThat(words.paragraphs("forum.intro")).isEqualTo("First paragraph.\nSecond paragraph.");
    }

    @Test
    void whatADemoMayLeaveOutIsEmptyAndWhatItMustHaveFailsLoudly() {
        assertThat(words.has("week.title")).isFalse();
        assertThat(words.optional("week.title")).isEmpty();
        assertThat(words.paragraphs("week.intro")).isEmpty();
        assertThatThrownBy(() -> words.text("week.title")).isInstanceOf(MissingResourceException.class);
    }
}
