package dev.participation.kit.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.participation.api.widget.Message;

class TextChecksTest {

    private final TextChecks text = new TextChecks("x.required", "x.tooLong");
    private final Map<String, Message> errors = new LinkedHashMap<>();

    @Test
    void anEmptyRequiredFieldAndAnOverLongOneAreNamedInTheWidgetsOwnWords() {
        text.required(errors, "name", "  ", 10);
        text.optional(errors, "summary", "a".repeat(11), 10);
        text.optional(errors, "description", "a".repeat(10), 10);

        assertThat(errors).containsOnlyKeys("name", "summary");
        assertThat(errors.get("name")).isEqualTo(Message.of("x.required"));
        assertThat(errors.get("summary")).isEqualTo(Message.of("x.tooLong", 10));
    }

    @Test
    void lengthsCountCharactersAsPeopleDoSoAnEmojiIsOne() {
        text.required(errors, "name", "\uD83D\uDE00".repeat(10), 10);
        assertThat(errors).isEmpty();
    }

    @Test
    void picturesComeFromThisSiteOrASecureOneAndNothingThatLeadsElsewhere() {
        assertThat(TextChecks.isPictureAddress("/assets/space.png")).isTrue();
        assertThat(TextChecks.isPictureAddress("https://example.gov.uk/a.png")).isTrue();
        assertThat(TextChecks.isPictureAddress("//evil.example/a.png")).isFalse();
        assertThat(TextChecks.isPictureAddress("/\\evil.example/a.png")).isFalse();
        assertThat(TextChecks.isPictureAddress("/\t/evil.example/a.png")).isFalse();
        assertThat(TextChecks.isPictureAddress("http://example.gov.uk/a.png")).isFalse();
        assertThat(TextChecks.isPictureAddress("javascript:alert(1)")).isFalse();
        assertThat(TextChecks.isPictureAddress("/" + "a".repeat(TextChecks.ADDRESS_MAX))).isFalse();
    }

    @Test
    void linksPeopleFollowAreSecureWebAddressesOnly() {
        assertThat(TextChecks.isWebLink("https://example.gov.uk/report")).isTrue();
        assertThat(TextChecks.isWebLink("/report")).isFalse();
        assertThat(TextChecks.isWebLink("https:///evil")).isFalse();
    }
}
