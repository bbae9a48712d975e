package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.mail.Attachment;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.mail.OutboxEntry;
import dev.participation.api.widget.Roles;
import dev.participation.host.internal.intranet.OutboxServlet;
import dev.participation.host.internal.intranet.PasswordPage;

import org.junit.jupiter.api.Test;

class OutboxPageTest {

    private final Portal portal = new Portal();
    private final Outbox outbox = mock(Outbox.class);
    private final OutboxServlet servlet = new OutboxServlet(outbox, portal.callers, portal.layout, portal.site,
            new PasswordPage(portal.accounts, portal.layout, portal.csrf, portal.notices, portal.site), portal.log);

    private Http.Exchange get(String path, jakarta.servlet.http.Cookie... cookies) {
        return Portal.run(servlet, Http.get(path, cookies));
    }

    @Test
    void administratorsSeeQueuedAndSentMessagesWithTheirState() {
        when(outbox.recent(anyInt())).thenReturn(List.of(
                new OutboxEntry(2, Portal.NOW, "resident@example.net", "Your booking <b>", OutboxEntry.Status.QUEUED,
                        3, Portal.NOW.plusSeconds(240), null, "MailConnectException: Connection refused"),
                new OutboxEntry(1, Portal.NOW, "other@example.net", "Welcome", OutboxEntry.Status.SENT, 1, null,
                        Portal.NOW, "")));

        Http.Exchange x = get("/intranet/outbox", portal.signedIn("ada", Roles.ADMIN));

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("<h1 class=\"govuk-heading-l\">Mail outbox</h1>")
                .contains("href=\"/intranet/outbox/2\">Your booking &lt;b&gt;</a>")
                .contains("Waiting, next try").contains("Connection refused")
                .contains("href=\"/intranet/outbox/1\">Welcome</a>").contains("Sent ");
        assertThat(x.header("Cache-Control")).contains("no-store");
    }

    @Test
    void readingAMessageShowsItsTextAndIsReadAsTheAdministrator() {
        when(outbox.read(7, "ada")).thenReturn(Optional.of(new MailMessage("resident@example.net", "Booked",
                "Dear resident,\nyour place is booked.", List.of(new Attachment("workshop.ics", "text/calendar",
                        new byte[] {1, 2, 3})))));

        Http.Exchange x = get("/intranet/outbox/7", portal.signedIn("ada", Roles.ADMIN));

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("resident@example.net").contains("Dear resident,\nyour place is booked.")
                .contains("workshop.ics (text/calendar, 3 bytes)").contains("recorded in the audit log");
        verify(outbox).read(7, "ada");
    }

    @Test
    void anUnknownOrMalformedMessageIsNotFound() {
        when(outbox.read(anyLong(), anyString())).thenReturn(Optional.empty());

        assertThat(get("/intranet/outbox/99", portal.signedIn("ada", Roles.ADMIN)).status()).isEqualTo(404);
        assertThat(get("/intranet/outbox/abc", portal.signedIn("ada", Roles.ADMIN)).status()).isEqualTo(404);
        assertThat(get("/intranet/outbox/99999999999999999999", portal.signedIn("ada", Roles.ADMIN)).status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsMayLookAndAnonymousVisitorsAreSentToSignIn() {
        assertThat(get("/intranet/outbox", portal.signedIn("sam", Roles.STAFF, Roles.EDITOR)).status()).isEqualTo(403);
        assertThat(get("/intranet/outbox/7", portal.signedIn("sam", Roles.STAFF)).status()).isEqualTo(403);
        Http.Exchange anonymous = get("/intranet/outbox/7");
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).contains("/sign-in?return=%2Fintranet%2Foutbox%2F7");
        verify(outbox, never()).read(anyLong(), anyString());
        assertThat(Portal.run(servlet, Http.post("/intranet/outbox", Map.of(), portal.signedIn("ada", Roles.ADMIN)))
                .status()).isEqualTo(405);
    }
}
