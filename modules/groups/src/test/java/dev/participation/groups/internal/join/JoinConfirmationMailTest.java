package dev.participation.groups.internal.join;

import static dev.participation.groups.JoinExamples.byEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.ZoneOffset;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import dev.participation.groups.GroupExamples;
import dev.participation.groups.JoinExamples;
import dev.participation.groups.internal.store.GroupSchema;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxSending;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The confirmation of a request to join arrives by email: the outbox's real sender delivers it to an SMTP server. */
@OwnSchema(GroupSchema.NAME)
class JoinConfirmationMailTest {

    GreenMail smtp;
    int port;

    @BeforeEach
    void startServer() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    @StoreTest
    void theConfirmationArrives(TestStorage db) throws Exception {
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        new GroupStore(db.storage(), audit, db.clock()).create("care-leavers", GroupExamples.forum("Care Leavers Forum"),
                "edith");
        JoinRequestStore requests = new JoinRequestStore(db.storage(), audit, outbox, db.clock(),
                JoinExamples.settings());

        requests.ask("care-leavers", "submission-mail-00001", byEmail("Amira", "amira@example.org"), ZoneOffset.UTC,
                Locale.UK);

        assertThat(OutboxSending.sendDue(outbox, "127.0.0.1", port)).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("amira@example.org");
        assertThat(received[0].getSubject()).isEqualTo("Your request to join Care Leavers Forum");
        Object content = received[0].getContent();
        String body = content instanceof String text ? text : GreenMailUtil.getBody(received[0]);
        assertThat(body.replace("\r\n", "\n")).contains("Hello Amira,")
                .contains("will get in touch by 9 March 2026");
    }
}
