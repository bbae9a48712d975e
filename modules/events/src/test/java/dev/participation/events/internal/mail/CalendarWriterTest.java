package dev.participation.events.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The calendar files, read back by ical4j: what was written is what a calendar program gets. */
class CalendarWriterTest {

    static final Instant STAMP = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant START = Instant.parse("2026-04-11T09:30:00Z");
    static final Instant END = Instant.parse("2026-04-11T15:00:00Z");

    static CalendarEntry entry(String summary, String location, String description) {
        return new CalendarEntry("event-session-7@www.council.example", 2, START, END, summary, location, description,
                false, "amara@example.org");
    }

    @Test
    void anInvitationHasEverythingACalendarNeedsInUtc() {
        Ical file = Ical.parse(CalendarWriter.write(CalendarMethod.REQUEST, STAMP, "events@council.example", "",
                List.of(entry("Youth Forum", "Civic Centre, Room 1", "Tell us what matters."))));

        assertThat(file.method()).isEqualTo("REQUEST");
        Map<String, String> event = file.only();
        assertThat(event).containsEntry("UID", "event-session-7@www.council.example")
                .containsEntry("SEQUENCE", "2").containsEntry("SUMMARY", "Youth Forum")
                .containsEntry("LOCATION", "Civic Centre, Room 1").containsEntry("DESCRIPTION", "Tell us what matters.")
                .containsEntry("STATUS", "CONFIRMED").containsEntry("ORGANIZER", "mailto:events@council.example")
                .containsEntry("ATTENDEE", "mailto:amara@example.org");
        assertThat(file.instant(0, "DTSTART")).isEqualTo(START);
        assertThat(file.instant(0, "DTEND")).isEqualTo(END);
        assertThat(file.instant(0, "DTSTAMP")).isEqualTo(STAMP);
        file.isValid();
    }

    @Test
    void aCancellationTakesTheSameEntryOut() {
        Ical file = Ical.parse(CalendarWriter.write(CalendarMethod.CANCEL, STAMP, "events@council.example", "",
                List.of(entry("Youth Forum", "Civic Centre", ""))));

        assertThat(file.method()).isEqualTo("CANCEL");
        assertThat(file.only()).containsEntry("STATUS", "CANCELLED")
                .containsEntry("UID", "event-session-7@www.council.example").doesNotContainKey("DESCRIPTION");
        file.isValid();
    }

    @Test
    void aFeedNamesNobodyButTheCouncil() {
        CalendarEntry first = entry("Youth Forum", "Online", "");
        CalendarEntry second = new CalendarEntry("event-session-8@www.council.example", 0, START.plusSeconds(86_400),
                END.plusSeconds(86_400), "Activity day", "Riverside Centre", "", true, "");
        Ical file = Ical.parse(CalendarWriter.write(CalendarMethod.PUBLISH, STAMP, "events@council.example",
                "Events, Riverside Council", List.of(first, second)));

        assertThat(file.method()).isEqualTo("PUBLISH");
        assertThat(file.events()).hasSize(2);
        assertThat(file.events()).allSatisfy(e -> assertThat(e).doesNotContainKey("ATTENDEE")
                .containsEntry("ORGANIZER", "mailto:events@council.example"));
        assertThat(file.events().get(1)).containsEntry("STATUS", "CANCELLED");
        assertThat(file.calendar().getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Events, Riverside Council");
        file.isValid();
    }

    @Test
    void hostileTextIsEscapedFoldedAndReadBackAsTyped() {
        String summary = "Forum; for \"all\", really\\truly: yes";
        String location = "Room 1,\r\nBUILDING 2;\nEND:VEVENT\r\nBEGIN:VEVENT";
        // Multi-byte characters across the 75-octet folds: Welsh, Greek, CJK, an emoji, a combining accent.
        String description = "Croeso i bawb ŵ ŷ â ".repeat(6) + "Καλημέρα 你好世界 🎉 e\u0301 ".repeat(8) + "\n\nSecond paragraph";

        byte[] bytes = CalendarWriter.write(CalendarMethod.REQUEST, STAMP, "events@council.example", "",
                List.of(entry(summary, location, description)));
        Ical file = Ical.parse(bytes);

        Map<String, String> event = file.only();
        assertThat(event).containsEntry("SUMMARY", summary)
                .containsEntry("LOCATION", "Room 1,\nBUILDING 2;\nEND:VEVENT\nBEGIN:VEVENT")
                .containsEntry("DESCRIPTION", description);
        assertThat(file.events()).as("a line break in a value never starts a component").hasSize(1);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        file.isValid();
    }

    @Test
    void controlCharactersNoCalendarLineMayCarryAreDropped() {
        Ical file = Ical.parse(CalendarWriter.write(CalendarMethod.PUBLISH, STAMP, "", "",
                List.of(entry("Bell\u0007 and\u0000 escape\u001B", "Tab\there", ""))));

        assertThat(file.only()).containsEntry("SUMMARY", "Bell and escape").containsEntry("LOCATION", "Tab\there");
    }

    @Test
    void everyLineFitsIn75OctetsEvenOfFourByteCharacters() {
        byte[] bytes = CalendarWriter.write(CalendarMethod.PUBLISH, STAMP, "", "",
                List.of(entry("🎉".repeat(100), "x", "")));
        Ical file = Ical.parse(bytes);
        assertThat(file.only().get("SUMMARY")).isEqualTo("🎉".repeat(100));
    }
}
