package dev.participation.api.mail;

import java.util.List;
import java.util.Objects;

/**
 * One message to one person, in plain text.
 *
 * @param to          the recipient's address
 * @param subject     one line
 * @param body        plain text
 * @param attachments files sent with it, possibly none
 */
public record MailMessage(String to, String subject, String body, List<Attachment> attachments) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (to.isBlank() || !to.contains("@")) {
            throw new IllegalArgumentException("Not a mail address: '" + to + "'");
        }
        if (subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("A subject is one line");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public MailMessage(String to, String subject, String body) {
        this(to, subject, body, List.of());
    }
}
