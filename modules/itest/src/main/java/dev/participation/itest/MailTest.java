package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.participation.api.mail.Attachment;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.mail.OutboxEntry;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * Jakarta Mail and Angus are embedded in the service bundle; this proves that inside Felix they
 * find their providers and really talk SMTP. GreenMail is not an OSGi bundle, so the server here
 * is a minimal SMTP responder that records each message's data.
 */
class MailTest {

    @InjectService
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 30000)
    Outbox outbox;

    @Test
    void aQueuedMessageIsSentByTheBackgroundSenderOnceSmtpIsConfigured() throws Exception {
        String subject = "Booked " + UUID.randomUUID();
        long id = outbox.queue(new MailMessage("resident@example.net", subject, "Your place is booked.",
                List.of(new Attachment("workshop.ics", "text/calendar; charset=UTF-8",
                        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8)))));
        assertThat(status(id)).as("no SMTP host configured: it stays in the outbox").isEqualTo(OutboxEntry.Status.QUEUED);

        try (SmtpResponder smtp = new SmtpResponder()) {
            Configuration configuration = configurationAdmin.getConfiguration("dev.participation.mail", "?");
            try {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("host", "127.0.0.1");
                properties.put("port", smtp.port());
                properties.put("tls", "none");
                properties.put("fromAddress", "council@example.org");
                properties.put("pollSeconds", 1);
                configuration.update(properties);

                String data = smtp.messages.poll(30, TimeUnit.SECONDS);
                assertThat(data).as("a message reached the SMTP server within 30 s").isNotNull();
                while (!data.contains(subject)) {
                    data = smtp.messages.poll(30, TimeUnit.SECONDS);
                    assertThat(data).as("our message reached the SMTP server").isNotNull();
                }
                assertThat(data).contains("To: resident@example.net").contains("Your place is booked.")
                        .contains("filename=workshop.ics");
                for (int i = 0; i < 100 && status(id) != OutboxEntry.Status.SENT; i++) {
                    Thread.sleep(100);
                }
                assertThat(status(id)).isEqualTo(OutboxEntry.Status.SENT);
            } finally {
                configuration.delete();
            }
        }
    }

    private OutboxEntry.Status status(long id) {
        return outbox.recent(1000).stream().filter(entry -> entry.id() == id).findFirst().orElseThrow().status();
    }

    /** Accepts SMTP connections one at a time and answers every command with success. */
    static final class SmtpResponder implements AutoCloseable {

        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final ServerSocket server;
        private final Thread thread;

        SmtpResponder() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "itest-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    converse(socket);
                } catch (IOException e) {
                    // Closed at the end of the test, or a client that went away: take the next one.
                }
            }
        }

        private void converse(Socket socket) throws IOException {
            socket.setSoTimeout(30000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 itest ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 itest");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder data = new StringBuilder();
                        String body = in.readLine();
                        for (; body != null && !body.equals("."); body = in.readLine()) {
                            data.append(body).append('\n');
                        }
                        if (body == null) {
                            // The client gave up mid-message: nothing was delivered.
                            return;
                        }
                        messages.add(data.toString());
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
