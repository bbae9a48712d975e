package dev.participation.pledge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.participation.api.widget.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PledgeRulesTest {

    private static PledgeContent withPicture(String imageUrl) {
        return new PledgeContent("Our pledge", Audience.EVERYONE, "", "", List.of(new Principle("voice", "Voice",
                "We listen", "", imageUrl, "Young people talking", List.of())), List.of());
    }

    @Test
    void aNulInATitleOrAPromiseIsRefusedBesideItsFieldRatherThanFailingTheSave() {
        PledgeContent content = new PledgeContent("Our\u0000pledge", Audience.EVERYONE, "", "", List.of(new Principle(
                "voice", "Voice", "We listen\u0000", "", "", "", List.of())), List.of());
        assertThat(PledgeRules.check(content)).containsEntry("title", Message.of(
                "pledge.error.characters")).containsKey("principles[0].promise");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/images/voice.png", "/a", "https://images.example.org/voice.png",
            "https://example.org/a/b.png?size=2"})
    void picturesOnThisSiteOrOverHttpsAreAccepted(String address) {
        assertThat(PledgeRules.check(withPicture(address))).isEmpty();
    }

    // Every one of these would load a picture from somewhere else, or is no address a browser reads
    // the way it is written: "/\" and "/<tab>/" become "//" in a browser.
    @ParameterizedTest
    @ValueSource(strings = {"/\\evil.example/x.png", "//evil.example/x.png", "/\t/evil.example/x.png",
            "/\n/evil.example/x.png", "\\\\evil.example\\x.png", "https:\\\\evil.example/x.png",
            "https:///evil.example/x.png", "https://evil.example\\x.png", "http://example.org/x.png",
            "javascript:alert(1)", "data:image/png;base64,AAAA", "images/voice.png", "/images/vo ice.png",
            "/images/voice.png\u0000", "/images/\u2028voice.png", "/\u00a0/evil.example/x.png", "/"})
    void anythingElseIsRefusedAsAPictureAddress(String address) {
        assertThat(PledgeRules.check(withPicture(address))).containsKey("principles[0].imageUrl");
    }

    @Test
    void evidenceLinksMustBeHttps() {
        assertThat(PledgeRules.validLink("https://www.example.gov.uk/you-said-we-did")).isTrue();
        assertThat(PledgeRules.validLink("http://www.example.gov.uk/you-said-we-did")).isFalse();
        assertThat(PledgeRules.validLink("https:///evil.example")).isFalse();
        assertThat(PledgeRules.validLink("https://evil.example\\@example.gov.uk")).isFalse();
        assertThat(PledgeRules.validLink("javascript:alert(1)")).isFalse();
    }
}
