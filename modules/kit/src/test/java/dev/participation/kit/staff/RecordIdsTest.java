package dev.participation.kit.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void digitsNameTheRecordWithThatId() {
        assertThat(RecordIds.parse("42")).hasValue(42);
        assertThat(RecordIds.parse("007")).hasValue(7);
        assertThat(RecordIds.parse("999999999999999999")).hasValue(999_999_999_999_999_999L);
        assertThat(RecordIds.inPath("42", "event")).isEqualTo(42);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "new", "-1", "+1", "1.5", " 1", "1 ", "12a", "1e3", "\u0661", "1\u0000",
            "9999999999999999999", "9223372036854775808" })
    void anythingElseNamesNoRecordAndNeverOverflows(String text) {
        assertThat(RecordIds.parse(text)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aPathSegmentThatIsNoIdIsAPageNotFoundNamingWhatWasSought() {
        assertThatThrownBy(() -> RecordIds.inPath("9999999999999999999", "session"))
                .isInstanceOf(NotFound.class).hasMessage("session 9999999999999999999");
    }
}
