package dev.participation.service.internal.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.mail.MessagingException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Sends queued mail in the background on one daemon thread. With no SMTP host configured it sends
 * nothing, so messages stay in the outbox for administrators to read.
 */
@Component(service = {}, configurationPid = MailSender.PID, immediate = true)
@Designate(ocd = MailSender.Config.class)
public final class MailSender {

    public static final String PID = "dev.participation.mail";
    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @ObjectClassDefinition(name = "Participation mail",
            description = "The SMTP server mail is sent through. With no host, mail stays in the outbox,"
                    + " where administrators can read it on the intranet.")
    public @interface Config {

        @AttributeDefinition(name = "SMTP host", required = false,
                description = "Empty: send nothing and keep messages in the outbox.")
        String host() default "";

        @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
        int port() default 587;

        @AttributeDefinition(name = "Transport security", options = {
                @Option(value = "none", label = "None (local relay only)"),
                @Option(value = "starttls", label = "STARTTLS, required"),
                @Option(value = "smtps", label = "TLS from the start (SMTPS)")})
        String tls() default "starttls";

        @AttributeDefinition(name = "User", required = false, description = "Empty: no authentication.")
        String user() default "";

        @AttributeDefinition(name = "Password", required = false, type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(name = "From address")
        String fromAddress() default "no-reply@example.org";

        @AttributeDefinition(name = "From name", required = false)
        String fromName() default "";

        @AttributeDefinition(name = "Poll interval (seconds)", min = "1",
                description = "How often the outbox is checked for due messages.")
        int pollSeconds() default 15;

        @AttributeDefinition(name = "First retry after (seconds)", min = "1",
                description = "Doubled after every further failure, up to the longest wait.")
        int firstRetrySeconds() default 60;

        @AttributeDefinition(name = "Longest wait between retries (seconds)", min = "1")
        int longestRetrySeconds() default 3600;

        @AttributeDefinition(name = "SMTP timeout (seconds)", min = "1")
        int timeoutSeconds() default 30;
    }

    static final int BATCH = 50;

    private final OutboxStore outbox;
    private final SmtpMailer mailer;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Duration lease;
    private final ScheduledExecutorService executor;

    @Activate
    public MailSender(@Reference OutboxStore outbox, Config config) {
        this(outbox, config, true);
    }

    MailSender(OutboxStore outbox, Config config, boolean background) {
        this.outbox = outbox;
        this.mailer = config.host().isBlank() ? null : new SmtpMailer(config);
        this.firstRetry = Duration.ofSeconds(Math.max(1, config.firstRetrySeconds()));
        this.longestRetry = Duration.ofSeconds(Math.max(config.firstRetrySeconds(), config.longestRetrySeconds()));
        // Long enough for a whole batch to time out one by one before another node may take it.
        this.lease = Duration.ofSeconds((long) Math.max(1, config.timeoutSeconds()) * 3 * (BATCH + 1));
        if (mailer != null && background) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "participation-mail-sender");
                thread.setDaemon(true);
                return thread;
            });
            int poll = Math.max(1, config.pollSeconds());
            executor.scheduleWithFixedDelay(this::sendDueLogged, poll, poll, TimeUnit.SECONDS);
        } else {
            executor = null;
        }
    }

    @Deactivate
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Whether an SMTP server is configured; without one, nothing leaves the outbox. */
    boolean sending() {
        return mailer != null;
    }

    /**
     * Sends every due message once; a failure is recorded on its message and delays only that
     * message.
     *
     * @return how many were sent
     */
    int sendDue() {
        if (mailer == null) {
            return 0;
        }
        int sent = 0;
        List<OutboxStore.Claimed> due = outbox.claimDue(BATCH, lease);
        for (OutboxStore.Claimed message : due) {
            try {
                mailer.send(message.message());
            } catch (MessagingException | RuntimeException e) {
                Duration wait = retryAfter(message.attempts() + 1);
                LOG.log(Level.WARNING, "Mail " + message.id() + " not sent (attempt " + (message.attempts() + 1)
                        + "), retrying in " + wait + ": " + e);
                outbox.markFailed(message, describe(e), wait);
                continue;
            }
            outbox.markSent(message);
            sent++;
        }
        return sent;
    }

    /** The wait after the given number of failed attempts: doubling from the first, capped. */
    Duration retryAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

    private void sendDueLogged() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again and nothing is lost.
            LOG.log(Level.WARNING, "Could not work through the mail outbox", e);
        }
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < 900; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
