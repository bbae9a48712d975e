package dev.participation.service.internal.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 *
 * <p>Several nodes may send from one outbox. Each message is claimed just before it is sent, for a
 * short lease ({@value #LEASE_IN_TIMEOUTS} SMTP timeouts) that a second thread renews every
 * timeout while the send goes on: a slow server never lets another node send the same message at
 * the same time, and a message caught by a crash mid-send is free again within one lease (two
 * minutes with the default timeout) instead of waiting behind the rest of its batch.
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

        @AttributeDefinition(name = "SMTP timeout (seconds)", min = "1",
                description = "The longest wait for the server at each step of a send. A message being sent"
                        + " is held by its node for 4 times this, renewed while the send goes on; if the node"
                        + " stops mid-send, the message is sent again once that time has passed.")
        int timeoutSeconds() default 30;
    }

    static final int BATCH = 50;
    /**
     * A claim's length in SMTP timeouts: renewed every timeout, it survives a few renewals lost to a
     * busy database, and is short enough that a message whose node died goes out again soon.
     */
    static final int LEASE_IN_TIMEOUTS = 4;

    private final OutboxStore outbox;
    private final Mailer mailer;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Duration lease;
    private final Duration renewEvery;
    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService leaseKeeper;

    @Activate
    public MailSender(@Reference OutboxStore outbox, Config config) {
        this(outbox, config, true);
    }

    MailSender(OutboxStore outbox, Config config, boolean background) {
        this(outbox, config, config.host().isBlank() ? null : new SmtpMailer(config), background);
    }

    /** With the given mailer in place of SMTP (null: send nothing), for tests that stop a send part-way. */
    MailSender(OutboxStore outbox, Config config, Mailer mailer, boolean background) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.firstRetry = Duration.ofSeconds(Math.max(1, config.firstRetrySeconds()));
        this.longestRetry = Duration.ofSeconds(Math.max(config.firstRetrySeconds(), config.longestRetrySeconds()));
        this.renewEvery = Duration.ofSeconds(Math.max(1, config.timeoutSeconds()));
        this.lease = renewEvery.multipliedBy(LEASE_IN_TIMEOUTS);
        // The sending thread is blocked in the SMTP conversation, so another thread renews its claim.
        // It ends when idle, so a sender that is never stopped (as in tests) leaves no thread behind.
        ScheduledThreadPoolExecutor keeper = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "participation-mail-lease");
            thread.setDaemon(true);
            return thread;
        });
        keeper.setKeepAliveTime(1, TimeUnit.SECONDS);
        keeper.allowCoreThreadTimeOut(true);
        keeper.setRemoveOnCancelPolicy(true);
        this.leaseKeeper = keeper;
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
        leaseKeeper.shutdownNow();
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
        for (long id : outbox.due(BATCH)) {
            // Claimed only now: another sender may have taken it since the list was read.
            Optional<OutboxStore.Claimed> claimed = outbox.claim(id, lease);
            if (claimed.isPresent() && send(claimed.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends one claimed message and records how it went. */
    private boolean send(OutboxStore.Claimed message) {
        Exception failure = deliver(message);
        if (failure != null) {
            Duration wait = retryAfter(message.attempts() + 1);
            LOG.log(Level.WARNING, "Mail " + message.id() + " not sent (attempt " + (message.attempts() + 1)
                    + "), retrying in " + wait + ": " + failure);
            outbox.markFailed(message, describe(failure), wait);
            return false;
        }
        if (!outbox.markSent(message)) {
            LOG.warning("Mail " + message.id() + " was sent after its claim had run out (renewals failed):"
                    + " another sender may have sent it too");
        }
        return true;
    }

    /** Hands the message to the server, renewing its claim for as long as that takes; null if it went. */
    private Exception deliver(OutboxStore.Claimed message) {
        ScheduledFuture<?> renewal = leaseKeeper.scheduleAtFixedRate(() -> renew(message),
                renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        try {
            mailer.send(message.message());
            return null;
        } catch (MessagingException | RuntimeException e) {
            return e;
        } finally {
            // A renewal already under way finds the claim gone once it is marked, and changes nothing.
            renewal.cancel(false);
        }
    }

    private void renew(OutboxStore.Claimed message) {
        try {
            outbox.renew(message, lease);
        } catch (RuntimeException e) {
            // The next renewal tries again; the lease outlasts a few missed ones.
            LOG.log(Level.WARNING, "Could not renew the claim on mail " + message.id(), e);
        }
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
