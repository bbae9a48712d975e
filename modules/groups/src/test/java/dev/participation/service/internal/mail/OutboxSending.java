package dev.participation.service.internal.mail;

import java.util.Map;

import dev.participation.groups.JoinExamples;

/**
 * Sends what the outbox holds, once, as the service's background sender does each time it wakes:
 * the groups' tests see their confirmation leave through the real sender without its thread.
 * Lives in the sender's package (test sources only) because sending once is not public API.
 */
public final class OutboxSending {

    private OutboxSending() {
    }

    /** @return how many messages were sent to the SMTP server at {@code host:port} */
    public static int sendDue(OutboxStore outbox, String host, int port) {
        MailSender.Config config = JoinExamples.configuration(MailSender.Config.class, Map.of("host", host,
                "port", port, "tls", "none", "fromAddress", "participation@council.example", "fromName",
                "Riverside Council", "timeoutSeconds", 5));
        return new MailSender(outbox, config, false).sendDue();
    }
}
