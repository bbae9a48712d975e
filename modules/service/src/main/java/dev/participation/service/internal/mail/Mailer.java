package dev.participation.service.internal.mail;

import jakarta.mail.MessagingException;

import dev.participation.api.mail.MailMessage;

/**
 * Hands one message to the mail server. {@link SmtpMailer} is the real one; tests put their own
 * around it to stop a sender part-way through a send, as a crash or a slow server would.
 */
interface Mailer {

    /** Returns once the server has accepted the message; throws if it did not. */
    void send(MailMessage message) throws MessagingException;
}
