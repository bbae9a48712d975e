package dev.participation.kit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentTest {

    private final AtomicInteger computed = new AtomicInteger();

    private String draw(String key) {
        computed.incrementAndGet();
        return "<p>" + key + "</p>";
    }

    @Test
    void aKeySeenBeforeGivesWhatWasComputedForItWithoutComputingAgain() {
        Recent<String, String> recent = new Recent<>(4);

        assertThat(recent.get("a", () -> draw("a"))).isEqualTo("<p>a</p>");
        assertThat(recent.get("a", () -> draw("other"))).isEqualTo("<p>a</p>");
        assertThat(recent.get("b", () -> draw("b"))).isEqualTo("<p>b</p>");
        assertThat(computed).hasValue(2);
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedKeys() {
        Recent<String, String> recent = new Recent<>(2);
        recent.get("a", () -> draw("a"));
        recent.get("b", () -> draw("b"));
        recent.get("a", () -> draw("a")); // "a" is now the more recent of the two
        recent.get("c", () -> draw("c")); // so "b" makes way

        recent.get("a", () -> draw("a"));
        assertThat(computed).hasValue(3);
        recent.get("b", () -> draw("b"));
        assertThat(computed).hasValue(4);
    }

    @Test
    void mustKeepSomething() {
        assertThatThrownBy(() -> new Recent<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
