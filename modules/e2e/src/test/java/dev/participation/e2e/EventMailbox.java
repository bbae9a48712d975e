package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A test SMTP server (GreenMail) the running portal sends its mail to, and each message as a
 * person's mail program reads it: recipient, subject, text and calendar file.
 */
final class EventMailbox implements AutoCloseable {

    private static final Pattern MANAGE_LINK = Pattern.compile("https?://\\S*booking=[A-Za-z0-9_%-]+");

    /** One message as read; {@code calendar} is the attached file, if any. */
    record Mail(String to, String subject, String text, Optional<byte[]> calendar) {

        /** The link to the booking's own page. */
        String manageLink() {
            Matcher link = MANAGE_LINK.matcher(text);
            assertThat(link.find()).as("a manage link in: " + text).isTrue();
            return link.group();
        }

        /** The calendar file's one event as ical4j reads it: property name to value. */
        Map<String, String> calendarEvent() {
            byte[] file = calendar.orElseThrow(() -> new AssertionError("no calendar file in: " + subject));
            try {
                Calendar parsed = new CalendarBuilder().build(new ByteArrayInputStream(file));
                List<VEvent> events = parsed.<VEvent>getComponents().stream().filter(c -> c instanceof VEvent)
                        .toList();
                assertThat(events).as("events in the calendar file of " + subject).hasSize(1);
                Map<String, String> values = new LinkedHashMap<>();
                for (Property p : events.get(0).getPropertyList().getAll()) {
                    values.put(p.getName(), p.getValue());
                }
                return values;
            } catch (Exception e) {
                throw new AssertionError("ical4j refused the calendar file of " + subject + ":\n"
                        + new String(file, StandardCharsets.UTF_8), e);
            }
        }
    }

    private final GreenMail smtp;
    private final int port;

    EventMailbox() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    int port() {
        return port;
    }

    /** Every message received so far. */
    List<Mail> all() {
        List<Mail> mail = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mail.add(read(message));
        }
        return mail;
    }

    /**
     * Waits (up to a minute: the outbox polls every second, and after a restart it first has to
     * start) for the {@code n}th message that matches, and returns it.
     */
    Mail await(String what, int n, Predicate<Mail> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Mail> found = all().stream().filter(matching).toList();
            if (found.size() >= n) {
                return found.get(n - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + what + " (message " + n + ") arrived; received: "
                        + all().stream().map(m -> m.to() + " " + m.subject()).toList());
            }
            smtp.waitForIncomingEmail(500, smtp.getReceivedMessages().length + 1);
        }
    }

    Mail await(String to, String subjectStart) {
        return await(subjectStart + "... to " + to, 1, m -> m.to().equals(to) && m.subject().startsWith(subjectStart));
    }

    /** The messages to {@code to}, in the order they arrived. */
    List<Mail> to(String to) {
        return all().stream().filter(m -> m.to().equals(to)).toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            String to = message.getAllRecipients()[0].toString();
            Object content = message.getContent();
            StringBuilder text = new StringBuilder();
            byte[] calendar = null;
            if (content instanceof String plain) {
                text.append(plain);
            } else {
                Multipart parts = (Multipart) content;
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                            || part.getContentType().toLowerCase().startsWith("text/calendar")) {
                        try (InputStream in = part.getInputStream()) {
                            calendar = in.readAllBytes();
                        }
                    } else {
                        text.append(part.getContent());
                    }
                }
            }
            return new Mail(to, message.getSubject(), text.toString().replace("\r\n", "\n"),
                    Optional.ofNullable(calendar));
        } catch (Exception e) {
            throw new AssertionError("an unreadable message", e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
