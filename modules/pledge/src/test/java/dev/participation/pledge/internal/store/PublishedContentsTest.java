package dev.participation.pledge.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.PledgeContent;

import org.junit.jupiter.api.Test;

class PublishedContentsTest {

    @Test
    void eachPublishedVersionIsParsedOnceAndANewVersionIsParsedAfresh() {
        PublishedContents contents = new PublishedContents();
        AtomicInteger parses = new AtomicInteger();
        PledgeContent v1 = content("Version one");
        PledgeContent v2 = content("Version two");

        assertThat(contents.get(7, 1, () -> { parses.incrementAndGet(); return v1; })).isSameAs(v1);
        assertThat(contents.get(7, 1, () -> { parses.incrementAndGet(); return v2; })).isSameAs(v1);
        assertThat(contents.get(7, 2, () -> { parses.incrementAndGet(); return v2; })).isSameAs(v2);
        assertThat(contents.get(8, 1, () -> { parses.incrementAndGet(); return v2; })).isSameAs(v2);
        assertThat(parses).hasValue(3);
    }

    private static PledgeContent content(String title) {
        return new PledgeContent(title, Audience.EVERYONE, "", "", List.of(), List.of());
    }
}
