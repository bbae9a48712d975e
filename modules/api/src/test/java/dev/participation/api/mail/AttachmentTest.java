package dev.participation.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentTest {

    private static final byte[] CALENDAR = "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8);

    @Test
    void aCalendarFileIsKeptAsGiven() {
        Attachment attachment = new Attachment("forum.ics", "text/calendar; charset=UTF-8", CALENDAR);

        assertThat(attachment.fileName()).isEqualTo("forum.ics");
        assertThat(attachment.mediaType()).isEqualTo("text/calendar; charset=UTF-8");
        assertThat(attachment.content()).isEqualTo(CALENDAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "text/calendar\r\nBcc: someone@example.org", "text/calendar\nX-Extra: 1"})
    void aMediaTypeThatWouldBreakTheMessagesHeadersIsRefused(String mediaType) {
        assertThatThrownBy(() -> new Attachment("forum.ics", mediaType, CALENDAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a media type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../forum.ics", "folder\\forum.ics", "forum.ics\r\nBcc: someone@example.org",
            "forum\t.ics"})
    void aFileNameWithAFolderOrAControlCharacterIsRefused(String fileName) {
        assertThatThrownBy(() -> new Attachment(fileName, "text/calendar", CALENDAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain file name");
    }
}
