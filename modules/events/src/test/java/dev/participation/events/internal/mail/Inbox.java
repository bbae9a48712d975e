package dev.participation.events.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import dev.participation.service.internal.mail.EventMailSending;
import dev.participation.service.internal.mail.OutboxStore;

/** An in-process SMTP server the outbox's real sender delivers to, and the mail as a person's program reads it. */
final class Inbox implements AutoCloseable {

    /** One received message: who to, its subject, its text and its calendar file if it has one. */
    record Mail(String to, String subject, String text, Optional<String> calendarName, Optional<byte[]> calendar,
            String calendarType) {

        Ical ical() {
            return Ical.parse(calendar.orElseThrow(() -> new AssertionError("no calendar file in: " + subject)));
        }
    }

    private final GreenMail smtp;
    private final int port;
    private final Set<String> read = new HashSet<>();
    private int seen;

    Inbox() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Sends what is due and returns the messages that arrived since the last call. */
    List<Mail> deliver(OutboxStore outbox) throws Exception {
        int sent = EventMailSending.sendDue(outbox, "127.0.0.1", port);
        // The server files a message a moment after accepting it.
        assertThat(smtp.waitForIncomingEmail(5_000, seen + sent)).as(sent + " sent").isTrue();
        MimeMessage[] all = smtp.getReceivedMessages();
        List<Mail> fresh = new ArrayList<>();
        // The server lists messages mailbox by mailbox, not in the order they came.
        for (MimeMessage message : all) {
            if (read.add(message.getMessageID())) {
                fresh.add(read(message));
            }
        }
        seen = all.length;
        return fresh;
    }

    static Mail to(List<Mail> mail, String address) {
        List<Mail> theirs = mail.stream().filter(m -> m.to().equals(address)).toList();
        assertThat(theirs).as("one message to " + address).hasSize(1);
        return theirs.get(0);
    }

    private static Mail read(MimeMessage message) throws Exception {
        String to = message.getAllRecipients()[0].toString();
        Object content = message.getContent();
        String text = "";
        byte[] calendar = null;
        String name = null;
        String type = "";
        if (content instanceof String plain) {
            text = plain;
        } else {
            Multipart parts = (Multipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    try (InputStream in = part.getInputStream()) {
                        calendar = in.readAllBytes();
                    }
                    name = part.getFileName();
                    type = part.getContentType();
                } else {
                    text = String.valueOf(part.getContent());
                }
            }
        }
        return new Mail(to, message.getSubject(), text.replace("\r\n", "\n"), Optional.ofNullable(name),
                Optional.ofNullable(calendar), type);
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
