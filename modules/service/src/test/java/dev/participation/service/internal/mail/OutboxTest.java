package dev.participation.service.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

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
            if (smtp != null) {
                smtp.stop();
            }
        }

        void startServer() {
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }

        MailSender sender() {
            return new MailSender(outbox, Configs.of(MailSender.Config.class, "host", "127.0.0.1", "port", port,
                    "tls", "none", "fromAddress", "council@example.org", "fromName", "Riverside Council",
                    "timeoutSeconds", 5), false);
        }

        /** The record whose change causes the mail, standing in for a booking or a feedback reply. */
        void saveRecord(String id) {
            database().write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log"
                        + " (occurred_at, actor, action, record_type, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, java.time.OffsetDateTime.now(clock));
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
            outbox.queue(new MailMessage("resident@example.net", "Booked", "Your place is booked."));

            List<OutboxStore.Claimed> first = outbox.claimDue(10, Duration.ofMinutes(5));
            assertThat(first).hasSize(1);
            assertThat(outbox.claimDue(10, Duration.ofMinutes(5))).as("another node polling meanwhile").isEmpty();

            clock.advance(Duration.ofMinutes(6));
            List<OutboxStore.Claimed> retaken = outbox.claimDue(10, Duration.ofMinutes(5));
            assertThat(retaken).hasSize(1);
            outbox.markSent(first.get(0));
            assertThat(outbox.recent(1).get(0).status()).as("the first sender's claim has run out")
                    .isEqualTo(OutboxEntry.Status.QUEUED);
            outbox.markSent(retaken.get(0));
            assertThat(outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.SENT);
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
