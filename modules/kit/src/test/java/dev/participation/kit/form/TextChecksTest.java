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
    void withACharactersKeyANulAControlCharacterABrokenSurrogateOrADirectionOverrideIsRefusedBesideTheField() {
        TextChecks plain = new TextChecks("x.required", "x.tooLong", "x.characters");
        plain.required(errors, "nul", "Sam\u0000", 50);
        plain.optional(errors, "bell", "ring\u0007", 50);
        plain.optional(errors, "half", "broken \uD83D", 50);
        plain.optional(errors, "bidi", "Sam\u202Etxt.exe", 50);
        plain.optional(errors, "isolate", "Sam\u2066", 50);
        plain.optional(errors, "lines", "First line\r\nSecond\tline \uD83D\uDE00", 50);
        plain.required(errors, "long", "a\u0000".repeat(30), 50);

        assertThat(errors).containsOnlyKeys("nul", "bell", "half", "bidi", "isolate", "long");
        assertThat(errors.get("nul")).isEqualTo(Message.of("x.characters"));
        assertThat(errors.get("long")).as("too long is said first").isEqualTo(Message.of("x.tooLong", 50));
    }

    @Test
    void withoutACharactersKeyTheCallerKeepsThatCheck() {
        text.optional(errors, "nul", "Sam\u0000", 50);
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
