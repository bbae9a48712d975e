package dev.participation.service.internal.mail;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Sends what the outbox holds, once, through the service's real sender (as its background thread
 * does each time it wakes), so the events' tests see their mail leave by SMTP. In the sender's
 * package, test sources only, because sending once is not public API. (The groups' tests have the
 * same need; a shared home in the test fixtures would serve both.)
 */
public final class EventMailSending {

    private EventMailSending() {
    }

    /** @return how many messages were sent to the SMTP server at {@code host:port} */
    public static int sendDue(OutboxStore outbox, String host, int port) {
        MailSender.Config config = mock(MailSender.Config.class);
        when(config.host()).thenReturn(host);
        when(config.port()).thenReturn(port);
        when(config.tls()).thenReturn("none");
        when(config.user()).thenReturn("");
        when(config.password()).thenReturn("");
        when(config.fromAddress()).thenReturn("events@council.example");
        when(config.fromName()).thenReturn("Riverside Council");
        when(config.pollSeconds()).thenReturn(15);
        when(config.firstRetrySeconds()).thenReturn(60);
        when(config.longestRetrySeconds()).thenReturn(3600);
        when(config.timeoutSeconds()).thenReturn(5);
        return new MailSender(outbox, config, false).sendDue();
    }
}
