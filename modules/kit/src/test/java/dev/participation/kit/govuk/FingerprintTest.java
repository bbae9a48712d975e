package dev.participation.kit.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void theSameFileKeepsItsAddressAndAnyChangeGivesANewOne() {
        String css = ".govuk-body { color: #0b0c0c; } /* \u00e9 */";

        assertThat(Fingerprint.of(css)).matches("[0-9a-f]{16}").isEqualTo(Fingerprint.of(css))
                .isEqualTo(Fingerprint.of(css.getBytes(StandardCharsets.UTF_8)));
        assertThat(Fingerprint.of(css.replace("0b0c0c", "0b0c0d"))).isNotEqualTo(Fingerprint.of(css));
        assertThat(Fingerprint.of(css + " ")).isNotEqualTo(Fingerprint.of(css));
        assertThat(Fingerprint.of("")).isEqualTo("0000000000000000");
    }
}
