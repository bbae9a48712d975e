package dev.participation.service.internal.mail;

import java.io.UnsupportedEncodingException;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import dev.participation.api.mail.Attachment;
import dev.participation.api.mail.MailMessage;

import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends one message over SMTP with Jakarta Mail. The transport is constructed here rather than
 * looked up by protocol name, because that lookup goes through class-path provider files that an
 * OSGi class loader does not show.
 */
final class SmtpMailer implements Mailer {

    private final MailSender.Config config;
    private final boolean smtps;
    private final Session session;

    SmtpMailer(MailSender.Config config) {
        this.config = config;
        String tls = config.tls().strip();
        if (!tls.equals("none") && !tls.equals("starttls") && !tls.equals("smtps")) {
            throw new IllegalArgumentException(MailSender.PID + ": tls '" + tls + "' is none of none, starttls, smtps");
        }
        this.smtps = tls.equals("smtps");
        String protocol = smtps ? "smtps" : "smtp";
        String timeout = Long.toString(Math.max(1, config.timeoutSeconds()) * 1000L);
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", config.host().strip());
        properties.put("mail." + protocol + ".port", Integer.toString(config.port()));
        properties.put("mail." + protocol + ".auth", Boolean.toString(!config.user().isBlank()));
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        if (tls.equals("starttls")) {
            // Required, not merely enabled: credentials and personal data never cross in clear.
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (!tls.equals("none")) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(properties);
    }

    @Override
    public void send(MailMessage message) throws MessagingException {
        // The activation framework finds the content handlers in META-INF/mailcap through the
        // context class loader; in OSGi that must be this bundle's, where the mailcap is embedded.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpMailer.class.getClassLoader());
        try {
            composeAndSend(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void composeAndSend(MailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        try {
            mime.setFrom(config.fromName().isBlank() ? new InternetAddress(config.fromAddress())
                    : new InternetAddress(config.fromAddress(), config.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), "UTF-8");
        if (message.attachments().isEmpty()) {
            mime.setText(message.body(), "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), "UTF-8");
            parts.addBodyPart(text);
            for (Attachment attachment : message.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                // A data source, not setContent: no content handler is looked up for the type.
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.mediaType())));
                file.setFileName(attachment.fileName());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                file.setHeader("Content-Transfer-Encoding", "base64");
                parts.addBodyPart(file);
            }
            mime.setContent(parts);
        }
        mime.saveChanges();
        URLName url = new URLName(smtps ? "smtps" : "smtp", config.host().strip(), config.port(), null,
                blankToNull(config.user()), blankToNull(config.password()));
        try (Transport transport = smtps ? new SMTPSSLTransport(session, url) : new SMTPTransport(session, url)) {
            transport.connect(config.host().strip(), config.port(), blankToNull(config.user()),
                    blankToNull(config.password()));
            transport.sendMessage(mime, mime.getAllRecipients());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
