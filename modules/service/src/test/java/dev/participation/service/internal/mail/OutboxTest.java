package dev.participation.service.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.mail.Attachment;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.OutboxEntry;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.storage.Configs;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutboxTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Kind.H2);
        }
    }

    @Nested
    class OnPostgreSQL extends Contract {
        OnPostgreSQL() {
            super(Kind.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseTest {

        AuditLogStore audit;
        OutboxStore outbox;
        int port;
        GreenMail smtp;
        final List<MailSender> senders = new ArrayList<>();

        Contract(Kind kind) {
            super(kind);
        }

        @BeforeEach
        void createOutbox() throws IOException {
            audit = new AuditLogStore(database(), clock);
            outbox = new OutboxStore(database(), clock, audit);
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        }

        @AfterEach
        void stopServer() {
            senders.forEach(MailSender::stop);
            if (smtp != null) {
                smtp.stop();
            }
        }

        void startServer() {
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }

        MailSender sender() {
            return sender(5, null);
        }

        MailSender.Config config(int timeoutSeconds) {
            return Configs.of(MailSender.Config.class, "host", "127.0.0.1", "port", port,
                    "tls", "none", "fromAddress", "council@example.org", "fromName", "Riverside Council",
                    "timeoutSeconds", timeoutSeconds);
        }

        /**
         * A sender, as one node runs it, sending through SMTP; {@code during} (if given) runs inside each
         * send before the message reaches the server, to stop or stall that node part-way.
         */
        MailSender sender(int timeoutSeconds, SendStep during) {
            MailSender.Config config = config(timeoutSeconds);
            SmtpMailer smtp = new SmtpMailer(config);
            MailSender sender = new MailSender(outbox, config, message -> {
                if (during != null) {
                    during.run(message);
                }
                smtp.send(message);
            }, false);
            senders.add(sender);
            return sender;
        }

        /** Something that happens to a node while it is sending one message. */
        interface SendStep {
            void run(MailMessage message) throws MessagingException;
        }

        /** The node's process ends where this is thrown: nothing after it runs, as with SIGKILL. */
        static final class Killed extends Error {
            Killed() {
                super("the node was killed mid-send");
            }
        }

        List<String> receivedSubjects() {
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                try {
                    subjects.add(message.getSubject());
                } catch (MessagingException e) {
                    throw new AssertionError(e);
                }
            }
            return subjects;
        }

        /** The record whose change causes the mail, standing in for a booking or a feedback reply. */
        void saveRecord(String id) {
            database().write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log"
                        + " (occurred_at, actor, action, record_type, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, OffsetDateTime.now(clock));
                    insert.setString(2, "amira");
                    insert.setString(3, "event.book");
                    insert.setString(4, "booking");
                    insert.setString(5, id);
                    insert.setString(6, "");
                    return insert.executeUpdate();
                }
            });
        }

        long records() {
            return db.count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'booking'");
        }

        @Test
        void aQueuedMessageIsSentThroughSmtpAndReceived() throws Exception {
            startServer();
            outbox.queue(new MailMessage("resident@example.net", "Your place at the Élan workshop",
                    "Dear resident,\nyour place is booked.\n"));

            assertThat(sender().sendDue()).isEqualTo(1);

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Your place at the Élan workshop");
            assertThat(received[0].getAllRecipients()[0]).hasToString("resident@example.net");
            assertThat(received[0].getFrom()[0].toString()).contains("council@example.org").contains("Riverside");
            assertThat(GreenMailUtil.getBody(received[0]).replace("\r\n", "\n")).contains("your place is booked.");
            OutboxEntry entry = outbox.recent(10).get(0);
            assertThat(entry.status()).isEqualTo(OutboxEntry.Status.SENT);
            assertThat(entry.sentAt()).isEqualTo(clock.instant());
            assertThat(sender().sendDue()).as("a sent message is not sent again").isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        }

        @Test
        void attachmentsArriveIntact() throws Exception {
            startServer();
            byte[] calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Café meeting\r\nEND:VCALENDAR\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] binary = new byte[256];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) i;
            }
            outbox.queue(new MailMessage("resident@example.net", "Your booking", "See the attached calendar entry.",
                    List.of(new Attachment("workshop.ics", "text/calendar; charset=UTF-8", calendar),
                            new Attachment("map.bin", "application/octet-stream", binary))));

            assertThat(sender().sendDue()).isEqualTo(1);

            MimeMultipart parts = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
            assertThat(parts.getCount()).isEqualTo(3);
            assertThat(((String) parts.getBodyPart(0).getContent())).contains("See the attached calendar entry.");
            MimeBodyPart ics = (MimeBodyPart) parts.getBodyPart(1);
            assertThat(ics.getFileName()).isEqualTo("workshop.ics");
            assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(ics.getContentType()).startsWith("text/calendar");
            assertThat(bytes(ics)).isEqualTo(calendar);
            MimeBodyPart map = (MimeBodyPart) parts.getBodyPart(2);
            assertThat(map.getFileName()).isEqualTo("map.bin");
            assertThat(bytes(map)).isEqualTo(binary);
        }

        @Test
        void withTheServerDownTheRecordIsSavedAndTheMessageQueuedUntilTheServerIsBack() throws Exception {
            MailSender sender = sender();
            database().write(connection -> {
                saveRecord("b1");
                return outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));
            });

            assertThat(sender.sendDue()).isZero();

            assertThat(records()).isEqualTo(1);
            OutboxEntry failed = outbox.recent(10).get(0);
            assertThat(failed.status()).isEqualTo(OutboxEntry.Status.QUEUED);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).isNotBlank();
            assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

            startServer();
            assertThat(sender.sendDue()).as("not due again before its back-off").isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();

            clock.advance(Duration.ofSeconds(60));
            assertThat(sender.sendDue()).isEqualTo(1);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Booked");
            OutboxEntry sent = outbox.recent(10).get(0);
            assertThat(sent.status()).isEqualTo(OutboxEntry.Status.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sender.sendDue()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        }

        @Test
        void aMessageThatKeepsFailingWaitsTwiceAsLongEachTimeUpToTheCapAndStaysQueued() {
            MailSender sender = new MailSender(outbox, Configs.of(MailSender.Config.class, "host", "127.0.0.1",
                    "port", port, "tls", "none", "firstRetrySeconds", 60, "longestRetrySeconds", 300,
                    "timeoutSeconds", 5), false);
            outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));

            List<Long> waits = new java.util.ArrayList<>();
            for (int attempt = 1; attempt <= 5; attempt++) {
                sender.sendDue();
                OutboxEntry entry = outbox.recent(1).get(0);
                assertThat(entry.attempts()).isEqualTo(attempt);
                Duration wait = Duration.between(clock.instant(), entry.nextAttemptAt());
                waits.add(wait.toSeconds());
                clock.advance(wait);
            }

            assertThat(waits).containsExactly(60L, 120L, 240L, 300L, 300L);
            assertThat(outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.QUEUED);
        }

        @Test
        void aQueuedMessageCommitsOrRollsBackWithTheCallersRecord() {
            assertThatThrownBy(() -> database().write(connection -> {
                saveRecord("b1");
                outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));
                throw new IllegalStateException("booking refused");
            })).hasMessage("booking refused");

            assertThat(records()).isZero();
            assertThat(outbox.recent(10)).as("no mail for a change that was rolled back").isEmpty();

            database().write(connection -> {
                saveRecord("b2");
                return outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));
            });

            assertThat(records()).isEqualTo(1);
            assertThat(outbox.recent(10)).extracting(OutboxEntry::subject).containsExactly("Booked");
        }

        @Test
        void aMessageClaimedByOneSenderIsNotTakenByAnotherUntilItsLeaseRunsOut() {
            long id = outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));

            OutboxStore.Claimed first = outbox.claim(id, Duration.ofMinutes(2)).orElseThrow();
            assertThat(outbox.due(10)).as("another node polling meanwhile").isEmpty();
            assertThat(outbox.claim(id, Duration.ofMinutes(2))).as("another node trying to take it").isEmpty();

            clock.advance(Duration.ofMinutes(1));
            assertThat(outbox.renew(first, Duration.ofMinutes(2))).as("the first sender is still sending").isTrue();
            clock.advance(Duration.ofSeconds(90));
            assertThat(outbox.claim(id, Duration.ofMinutes(2))).as("renewed until 3 minutes in").isEmpty();

            clock.advance(Duration.ofSeconds(31));
            OutboxStore.Claimed retaken = outbox.claim(id, Duration.ofMinutes(2)).orElseThrow();
            assertThat(outbox.renew(first, Duration.ofMinutes(2))).as("the first sender's claim has run out").isFalse();
            assertThat(outbox.markSent(first)).isFalse();
            assertThat(outbox.recent(1).get(0).status()).as("marked by the first sender after losing its claim")
                    .isEqualTo(OutboxEntry.Status.QUEUED);
            assertThat(outbox.markSent(retaken)).isTrue();
            assertThat(outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.SENT);
        }

        @Test
        void aMessageWhoseSenderWasKilledMidSendGoesOutFromAnotherSenderOnceItsTwoMinuteLeaseHasPassedAndNotBefore() {
            startServer();
            for (String subject : List.of("First", "Second", "Third")) {
                outbox.queue(new MailMessage("resident@example.net", subject, "Your place is booked."));
            }
            // The default SMTP timeout (30 s): the lease is four of them.
            MailSender killed = sender(30, message -> {
                throw new Killed();
            });
            MailSender survivor = sender(30, null);

            assertThatThrownBy(killed::sendDue).isInstanceOf(Killed.class);
            assertThat(receivedSubjects()).as("the killed node sent nothing").isEmpty();

            assertThat(survivor.sendDue()).as("the rest of the batch is not held by the killed node").isEqualTo(2);
            assertThat(receivedSubjects()).containsExactlyInAnyOrder("Second", "Third");

            clock.advance(Duration.ofMinutes(2).minusSeconds(1));
            assertThat(survivor.sendDue()).as("still the killed node's, a second before its lease ends").isZero();
            assertThat(receivedSubjects()).doesNotContain("First");

            clock.advance(Duration.ofSeconds(2));
            assertThat(survivor.sendDue()).as("sent once the lease has passed").isEqualTo(1);
            assertThat(receivedSubjects()).containsExactlyInAnyOrder("First", "Second", "Third");
            OutboxEntry first = outbox.recent(3).get(2);
            assertThat(first.subject()).isEqualTo("First");
            assertThat(first.status()).isEqualTo(OutboxEntry.Status.SENT);
            assertThat(survivor.sendDue()).isZero();
            assertThat(receivedSubjects()).hasSize(3);
        }

        @Test
        void whileOneSenderIsSendingAMessageAnotherSenderNeverSendsItToo() {
            startServer();
            for (String subject : List.of("First", "Second")) {
                outbox.queue(new MailMessage("resident@example.net", subject, "Your place is booked."));
            }
            MailSender other = sender(30, null);
            List<Integer> sentByOtherMeanwhile = new ArrayList<>();
            MailSender busy = sender(30, message -> {
                if (message.subject().equals("First")) {
                    // The other node polls while this one is part-way through sending the first message.
                    sentByOtherMeanwhile.add(other.sendDue());
                }
            });

            int sentByBusy = busy.sendDue();

            assertThat(sentByOtherMeanwhile).as("the other node sent only the message not being sent").containsExactly(1);
            assertThat(sentByBusy).as("the first node does not send what the other node has sent").isEqualTo(1);
            assertThat(receivedSubjects()).containsExactlyInAnyOrder("First", "Second");
            assertThat(outbox.recent(2)).extracting(OutboxEntry::status)
                    .containsOnly(OutboxEntry.Status.SENT);
            assertThat(other.sendDue()).isZero();
            assertThat(busy.sendDue()).isZero();
            assertThat(receivedSubjects()).hasSize(2);
        }

        @Test
        void aSendThatOutlastsItsFirstLeaseKeepsTheMessageFromOtherSenders() {
            startServer();
            long id = outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));
            MailSender other = sender(1, null);
            List<Integer> sentByOtherMeanwhile = new ArrayList<>();
            // A 1 s timeout: a lease of 4 s, renewed every second while the slow server is still answering.
            MailSender slow = sender(1, message -> {
                clock.advance(Duration.ofSeconds(3));
                awaitClaimedUntil(id, clock.instant().plusSeconds(4));
                clock.advance(Duration.ofSeconds(3));
                // Six seconds in: past the first lease, within the renewed one.
                sentByOtherMeanwhile.add(other.sendDue());
            });

            assertThat(slow.sendDue()).isEqualTo(1);

            assertThat(sentByOtherMeanwhile).as("the other node while the slow send went on").containsExactly(0);
            assertThat(receivedSubjects()).containsExactly("Booked");
            assertThat(outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.SENT);
        }

        /** Waits (a few seconds at most) for the sender's renewal to hold the message until {@code until}. */
        private void awaitClaimedUntil(long id, Instant until) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (db.count("SELECT COUNT(*) FROM mail_outbox WHERE id = ? AND claimed_until >= ?", id,
                    OffsetDateTime.ofInstant(until, ZoneOffset.UTC)) == 0) {
                assertThat(System.nanoTime()).as("the claim is renewed while the send goes on").isLessThan(deadline);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        @Test
        void messagesQueuedTogetherKeepTheirOrderAndEachItsOwnAttachments() {
            byte[] first = {1, 2, 3};
            byte[] second = {4, 5};
            List<Long> ids = outbox.queueAll(List.of(
                    new MailMessage("amara@example.net", "Your place", "Amara's place is booked.",
                            List.of(new Attachment("forum.ics", "text/calendar", first),
                                    new Attachment("map.bin", "application/octet-stream", second))),
                    new MailMessage("ben@example.net", "Waiting list", "Ben is number 1 on the waiting list."),
                    new MailMessage("cai@example.net", "Your place", "Cai's place is booked.",
                            List.of(new Attachment("forum.ics", "text/calendar", second)))));

            assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
            assertThat(outbox.read(ids.get(0), "admin").orElseThrow().attachments()).containsExactly(
                    new Attachment("forum.ics", "text/calendar", first),
                    new Attachment("map.bin", "application/octet-stream", second));
            MailMessage waiting = outbox.read(ids.get(1), "admin").orElseThrow();
            assertThat(waiting.to()).isEqualTo("ben@example.net");
            assertThat(waiting.attachments()).isEmpty();
            assertThat(outbox.read(ids.get(2), "admin").orElseThrow().attachments())
                    .containsExactly(new Attachment("forum.ics", "text/calendar", second));
            assertThat(outbox.recent(10)).extracting(OutboxEntry::to)
                    .containsExactly("cai@example.net", "ben@example.net", "amara@example.net");
            assertThat(outbox.queueAll(List.of())).isEmpty();
        }

        @Test
        void withNoSmtpHostMessagesStayInTheOutboxAndEachReadIsAudited() {
            MailSender sender = new MailSender(outbox, Configs.of(MailSender.Config.class), false);
            long id = outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked.",
                    List.of(new Attachment("workshop.ics", "text/calendar", new byte[] {1, 2, 3}))));

            assertThat(sender.sending()).isFalse();
            assertThat(sender.sendDue()).isZero();
            clock.advance(Duration.ofDays(1));
            assertThat(sender.sendDue()).isZero();

            assertThat(outbox.recent(10).get(0).status()).isEqualTo(OutboxEntry.Status.QUEUED);
            MailMessage read = outbox.read(id, "admin").orElseThrow();
            assertThat(read.body()).isEqualTo("Your place is booked.");
            assertThat(read.attachments()).containsExactly(
                    new Attachment("workshop.ics", "text/calendar", new byte[] {1, 2, 3}));
            assertThat(audit.forRecord("mail", Long.toString(id))).extracting(AuditEntry::actor, AuditEntry::action)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", "mail.read"));
            assertThat(outbox.read(id + 1, "admin")).isEmpty();
            assertThat(audit.forRecord("mail", Long.toString(id + 1))).isEmpty();
        }

        private static byte[] bytes(MimeBodyPart part) throws Exception {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }
}
