package dev.participation.events.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import dev.participation.api.mail.MailMessage;
import dev.participation.events.EventExamples;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.SessionDetails;

import org.junit.jupiter.api.Test;

/** Every notice finds all its words, formats them, and keeps one-line subjects and the online link where they belong. */
class NoticeWordsTest {

    static final Instant START = Instant.parse("2026-10-25T00:30:00Z");

    static BookingFacts facts(BookingState state, Integer waitingNumber, String title, SessionDetails session) {
        EventDetails event = EventExamples.forum(title);
        return new BookingFacts(7, 3, event, session, "amara@example.org", "Amara", 2, state, waitingNumber,
                state == BookingState.OFFERED ? START.minus(Duration.ofDays(1)) : null);
    }

    static List<MailMessage> everyNotice(SessionDetails session, String title) {
        NoticeMail mail = new NoticeMail(NoticeSettings.defaults(), ZoneId.of("Europe/London"), START, Locale.UK);
        BookingFacts place = facts(BookingState.PLACE, null, title, session);
        BookingFacts waiting = facts(BookingState.WAITING, 4, title, session);
        List<MailMessage> all = new ArrayList<>();
        all.add(mail.confirmation(place, "https://www.example.gov.uk/booking?token=abc"));
        all.add(mail.confirmation(waiting, "https://www.example.gov.uk/booking?token=def"));
        all.add(mail.cancellation(place, false));
        all.add(mail.cancellation(waiting, true));
        all.add(mail.promotion(place));
        all.add(mail.promotion(facts(BookingState.OFFERED, 4, title, session)));
        all.add(mail.offerTaken(place));
        all.add(mail.sessionChanged(place));
        all.add(mail.sessionChanged(waiting));
        all.add(mail.eventCancelled(place));
        all.add(mail.eventCancelled(waiting));
        all.add(mail.reminder(place, session.onlineLink()));
        return all;
    }

    @Test
    void everyNoticeFindsItsWords() {
        SessionDetails session = new SessionDetails("Hall 2", START, START.plus(Duration.ofHours(2)), 10, "Civic Centre",
                "https://meet.example.org/j/secret-1");
        for (MailMessage m : everyNotice(session, "Youth Forum")) {
            assertThat(m.subject() + m.body()).as(m.subject()).doesNotContain("mail.").doesNotContain("events.")
                    .doesNotContain("null").doesNotContain("{");
            assertThat(m.body()).as(m.subject()).startsWith("Hello Amara,").contains("Youth Forum - Hall 2");
        }
    }

    @Test
    void timesAreTheCouncilsOnTheNightTheClocksGoBack() {
        // 00:30 UTC on 25 October 2026 is 01:30 British Summer Time, before the clocks go back at 02:00.
        SessionDetails session = new SessionDetails("", START, START.plus(Duration.ofHours(2)), 10, "Civic Centre", "");
        assertThat(everyNotice(session, "Forum").get(0).body()).contains("Sunday 25 October 2026, 01:30");
    }

    @Test
    void theOnlineLinkIsInTheReminderToAPlaceOnly() {
        SessionDetails session = new SessionDetails("", START, START.plus(Duration.ofHours(2)), 10, "",
                "https://meet.example.org/j/secret-1");
        List<MailMessage> all = everyNotice(session, "Forum");
        assertThat(all.subList(0, all.size() - 1)).allSatisfy(m -> {
            assertThat(m.body()).doesNotContain("secret-1");
            m.attachments().forEach(a -> assertThat(new String(a.content(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("secret-1"));
        });
        assertThat(all.get(all.size() - 1).body()).contains("The link to join: https://meet.example.org/j/secret-1");
        NoticeMail mail = new NoticeMail(NoticeSettings.defaults(), ZoneId.of("Europe/London"), START, Locale.UK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mail.reminder(
                facts(BookingState.WAITING, 1, "Forum", session), session.onlineLink()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subjectsStayOneLineWhateverTheTitleHolds() {
        SessionDetails session = new SessionDetails("Room\r\n1", START, START.plus(Duration.ofHours(2)), 10, "Hall", "");
        for (MailMessage m : everyNotice(session, "Forum\r\nBcc: someone@example.org")) {
            assertThat(m.subject()).doesNotContain("\n").doesNotContain("\r");
        }
    }

    @Test
    void everyTextIsAValidPattern() throws IOException {
        Properties words = new Properties();
        try (InputStream in = NoticeMail.class.getResourceAsStream("/dev/participation/events/mail/Language.properties")) {
            words.load(in);
        }
        for (String key : words.stringPropertyNames()) {
            if (!key.equals("mail.format.when")) {
                assertThat(new MessageFormat(words.getProperty(key)).format(new Object[] {1, "b", "c"})).isNotBlank();
            }
        }
    }

    @Test
    void aCalendarDomainThatIsNoDomainIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NoticeSettings("council example", "x@y.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calendarDomain");
        assertThat(new NoticeSettings(" www.council.gov.uk ", "x@y.org").uid(12))
                .isEqualTo("event-session-12@www.council.gov.uk");
    }
}
