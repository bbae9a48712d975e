package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.account.Account;
import dev.participation.api.account.AccountChangedException;
import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.account.PasswordChange;
import dev.participation.api.account.PasswordProblem;
import dev.participation.api.account.PasswordRejectedException;
import dev.participation.api.audit.AuditEntry;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

class IntranetTest {

    private final Portal portal = new Portal();

    private Http.Exchange get(String path, Cookie... cookies) {
        return Portal.run(portal.intranet, Http.get(path, cookies));
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndBack() {
        Http.Exchange x = get("/intranet/signups/list?event=4");

        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).contains("/sign-in?return=%2Fintranet%2Fsignups%2Flist%3Fevent%3D4");
    }

    @Test
    void theDashboardListsOnlyTheStaffPagesThePersonsRolesAllow() {
        portal.staffPages.add(staffPage("signups", "Sign-up lists", Roles.STAFF), null);
        portal.staffPages.add(staffPage("pledges", "Write pledges", Roles.EDITOR), null);

        Http.Exchange x = get("/intranet", portal.signedIn("sam", Roles.STAFF));

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("Hello, Person sam.").contains("href=\"/intranet/signups/\">Sign-up lists")
                .doesNotContain("Write pledges").doesNotContain("/intranet/audit").contains("href=\"/\">Home");
        assertThat(x.header("Cache-Control")).contains("no-store");
        assertThat(get("/intranet/pledges/", portal.signedIn("sam", Roles.STAFF)).status()).isEqualTo(403);
    }

    @Test
    void aStaffPageRendersAndPostsThroughTheHost() {
        StaffPage page = staffPage("signups", "Sign-up lists", Roles.STAFF);
        when(page.render(any())).thenAnswer(i -> WidgetView.of("<p>Path is " + i.<StaffRequest>getArgument(0).path() + "</p>"));
        when(page.action(any())).thenReturn(Optional.of("close"));
        StaffAction close = staffAction(Roles.STAFF, PostOutcome.done("/intranet/signups/"));
        portal.staffActions.add("signups", "close", close);
        portal.staffPages.add(page, null);
        Cookie sam = portal.signedIn("sam", Roles.STAFF);

        assertThat(get("/intranet/signups/12/edit", sam).body()).contains("<p>Path is 12/edit</p>")
                .contains("<h1 class=\"govuk-heading-l\">Sign-up lists</h1>");

        Http.Exchange forged = Portal.run(portal.intranet, Http.post("/intranet/signups/12", Map.of(), sam));
        assertThat(forged.status()).isEqualTo(403);
        verify(close, never()).post(any());

        Http.Exchange posted = Portal.run(portal.intranet,
                Http.post("/intranet/signups/12", Map.of("_csrf", portal.token(sam)), sam));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("/intranet/signups/");
    }

    @Test
    void aPostGoesToTheActionItsPathNamesAndOnlyForThoseHoldingThatActionsRole() {
        StaffPage page = staffPage("evidence", "Evidence", Roles.STAFF);
        when(page.action(any())).thenAnswer(i -> Optional.of(
                i.<StaffRequest>getArgument(0).path().endsWith("/approve") ? "approve" : "add"));
        StaffAction add = staffAction(Roles.STAFF, PostOutcome.done("/intranet/evidence/7"));
        StaffAction approve = staffAction(Roles.EDITOR, PostOutcome.done("/intranet/evidence/7"));
        portal.staffActions.add("evidence", "add", add);
        portal.staffActions.add("evidence", "approve", approve);
        portal.staffPages.add(page, null);
        Cookie sam = portal.signedIn("sam", Roles.STAFF);
        Cookie edith = portal.signedIn("edith", Roles.STAFF, Roles.EDITOR);

        assertThat(post("/intranet/evidence/7/new", sam).status()).isEqualTo(303);
        verify(add).post(any());

        Http.Exchange refused = post("/intranet/evidence/7/3/approve", sam);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do this").contains("nothing was changed");
        verify(approve, never()).post(any());

        assertThat(post("/intranet/evidence/7/3/approve", edith).status()).isEqualTo(303);
        verify(approve).post(any());
    }

    @Test
    void aPostNoRegisteredActionTakesIsNotAccepted() {
        StaffPage page = staffPage("evidence", "Evidence", Roles.STAFF);
        when(page.action(any())).thenReturn(Optional.of("archive"));
        StaffAction other = staffAction(Roles.STAFF, PostOutcome.done("/intranet/evidence/"));
        portal.staffActions.add("pledges", "archive", other);
        portal.staffPages.add(page, null);

        assertThat(post("/intranet/evidence/7", portal.signedIn("sam", Roles.STAFF)).status()).isEqualTo(405);
        verify(other, never()).post(any());
    }

    private Http.Exchange post(String path, Cookie cookie) {
        return Portal.run(portal.intranet, Http.post(path, Map.of("_csrf", portal.token(cookie)), cookie));
    }

    private static StaffAction staffAction(String role, PostOutcome outcome) {
        StaffAction action = mock(StaffAction.class);
        when(action.requiredRole()).thenReturn(role);
        when(action.post(any())).thenReturn(outcome);
        return action;
    }

    @Test
    void onlyAdministratorsSeeTheAuditLog() {
        when(portal.audit.olderThan(Long.MAX_VALUE, 50)).thenReturn(List.of(new AuditEntry(7,
                Instant.parse("2026-02-01T09:30:00Z"), "eddie", "widget.configure", "widget-instance", "3",
                "heading changed")));

        assertThat(get("/intranet/audit", portal.signedIn("eddie", Roles.EDITOR)).status()).isEqualTo(403);

        Http.Exchange x = get("/intranet/audit", portal.signedIn("ada", Roles.ADMIN));
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body()).contains("<table class=\"govuk-table\">").contains("<th scope=\"col\" class=\"govuk-table__header\">Who</th>")
                .contains(">widget.configure</td>").contains(">heading changed</td>")
                .doesNotContain("govuk-pagination");
    }

    @Test
    void theAuditLogPagesBackAndForthByEntryAndNamesPeopleAsTheyAreCalledToday() {
        List<AuditEntry> page = new java.util.ArrayList<>();
        for (long id = 120; id > 70; id--) {
            page.add(new AuditEntry(id, Instant.parse("2026-02-01T09:30:00Z"), id % 2 == 0 ? "eddie" : "gone.person",
                    "widget.configure", "widget-instance", "3", "line " + id));
        }
        when(portal.audit.olderThan(121, 50)).thenReturn(page);
        when(portal.audit.newerThan(120, 1)).thenReturn(List.of(page.get(0)));
        when(portal.audit.olderThan(71, 1)).thenReturn(List.of(page.get(49)));
        when(portal.accounts.find("eddie")).thenReturn(java.util.Optional.of(new Person("eddie", "Eddie Evans",
                Set.of(Roles.EDITOR))));
        when(portal.accounts.find("gone.person")).thenReturn(java.util.Optional.empty());

        Http.Exchange x = get("/intranet/audit?before=121", portal.signedIn("ada", Roles.ADMIN));

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body())
                .contains(">line 120</td>").contains(">line 71</td>")
                .contains("<td class=\"govuk-table__cell\">Eddie Evans (eddie)</td>")
                .contains("<td class=\"govuk-table__cell\">gone.person</td>")
                .contains("<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Audit log pages\">")
                .contains("href=\"/intranet/audit?after=120\" rel=\"prev\"")
                .contains("href=\"/intranet/audit?before=71\" rel=\"next\"")
                .contains("Newer entries").contains("Older entries");
        // Each person is looked up once per page, however many lines they have on it.
        verify(portal.accounts).find("eddie");
    }

    @Test
    void anAuditPageAddressThatNamesNoPageIsNotFound() {
        Cookie ada = portal.signedIn("ada", Roles.ADMIN);
        for (String query : List.of("?before=abc", "?after=-3", "?before=5&after=2", "?before=99999999999999999999")) {
            assertThat(get("/intranet/audit" + query, ada).status()).as(query).isEqualTo(404);
        }
    }

    @Test
    void aStaffPagesNotFoundScreenAnswers404() {
        StaffPage page = staffPage("pledges", "Write pledges", Roles.EDITOR);
        when(page.render(any())).thenAnswer(i -> "".equals(i.<StaffRequest>getArgument(0).path())
                ? WidgetView.of("<p>Your pledges</p>")
                : WidgetView.titled("Page not found", "<p>There is nothing here.</p>").withStatus(WidgetView.NOT_FOUND));
        portal.staffPages.add(page, null);
        Cookie eddie = portal.signedIn("eddie", Roles.EDITOR);

        Http.Exchange missing = get("/intranet/pledges/no/such/screen", eddie);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1 class=\"govuk-heading-l\">Page not found</h1>")
                .contains("<p>There is nothing here.</p>");
        assertThat(get("/intranet/pledges/", eddie).status()).isEqualTo(200);
        assertThat(get("/intranet/no-such-tool/", eddie).status()).isEqualTo(404);
    }

    @Test
    void administratorsCreateAccountsAndSeeWhatIsMissing() {
        Cookie ada = portal.signedIn("ada", Roles.ADMIN);
        when(portal.accounts.find(anyString())).thenReturn(java.util.Optional.empty());
        when(portal.accounts.save(anyString(), anyString(), any(), any(), anyLong(), any()))
                .thenAnswer(i -> new Person(i.getArgument(0), i.getArgument(1), i.getArgument(2)));

        Http.Exchange invalid = Portal.run(portal.intranet, Http.post("/intranet/accounts",
                Map.of("_csrf", portal.token(ada), "username", "new.person", "displayName", ""), ada));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Enter the person&#39;s full name").contains("Select at least one role")
                .contains("Enter a password for the new account").contains("value=\"new.person\"");
        verify(portal.accounts, never()).save(anyString(), anyString(), any(), any(), anyLong(), any());

        Http.Exchange saved = Portal.run(portal.intranet, Http.post("/intranet/accounts",
                Map.of("_csrf", portal.token(ada), "username", "new.person", "displayName", "New Person",
                        "roles", Http.values("staff", "editor", "superuser"), "password", "a long passphrase"), ada));
        assertThat(saved.status()).isEqualTo(303);
        verify(portal.accounts).save(eq("new.person"), eq("New Person"), eq(Set.of("staff", "editor")), any(),
                eq(Accounts.NEW_ACCOUNT), eq(new Actor("ada", ada.getValue())));
    }

    @Test
    void aRefusedPasswordIsExplainedPrecisely() {
        Cookie ada = portal.signedIn("ada", Roles.ADMIN);
        when(portal.accounts.find(anyString())).thenReturn(Optional.empty());
        when(portal.accounts.save(anyString(), anyString(), any(), any(), anyLong(), any()))
                .thenThrow(new PasswordRejectedException(PasswordProblem.TOO_LONG, "too long"))
                .thenThrow(new PasswordRejectedException(PasswordProblem.COMMON, "common"));

        Http.Exchange tooLong = Portal.run(portal.intranet, Http.post("/intranet/accounts", Map.of("_csrf",
                portal.token(ada), "username", "new.person", "displayName", "New Person", "roles", "staff",
                "password", "x".repeat(257)), ada));
        Http.Exchange common = Portal.run(portal.intranet, Http.post("/intranet/accounts", Map.of("_csrf",
                portal.token(ada), "username", "new.person", "displayName", "New Person", "roles", "staff",
                "password", "password1234"), ada));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("The password is too long: it can have up to 256 characters")
                .contains("value=\"New Person\"").doesNotContain("xxxxxxxx");
        assertThat(common.body()).contains("one of the most common ones");
    }

    @Test
    void administratorsDisableEnableAndSignOutAnAccountEverywhere() {
        Cookie ada = portal.signedIn("ada", Roles.ADMIN);
        Person sam = new Person("sam", "Sam Jones", Set.of(Roles.STAFF));
        when(portal.accounts.account("sam")).thenReturn(Optional.of(new Account(sam, false, false, 3)));
        when(portal.accounts.account("ada"))
                .thenReturn(Optional.of(new Account(new Person("ada", "Ada", Set.of(Roles.ADMIN)), true, false, 1)));
        when(portal.accounts.all()).thenReturn(List.of(new Account(sam, false, false, 3)));
        Actor actor = new Actor("ada", ada.getValue());

        Http.Exchange view = get("/intranet/accounts?edit=sam", ada);
        assertThat(view.body()).contains("<td class=\"govuk-table__cell\">Disabled</td>")
                .contains("This account is disabled").contains("value=\"enable\"").doesNotContain("value=\"disable\"");

        for (String access : new String[] {"disable", "enable", "signOutEverywhere"}) {
            Http.Exchange x = Portal.run(portal.intranet, Http.post("/intranet/accounts",
                    Map.of("_csrf", portal.token(ada), "username", "sam", "access", access), ada));
            assertThat(x.status()).isEqualTo(303);
            assertThat(x.header("Location")).contains("/intranet/accounts?edit=sam#account-access");
        }
        verify(portal.accounts).setEnabled("sam", false, actor);
        verify(portal.accounts).setEnabled("sam", true, actor);
        verify(portal.accounts).signOutEverywhere("sam", actor);

        Http.Exchange self = Portal.run(portal.intranet, Http.post("/intranet/accounts",
                Map.of("_csrf", portal.token(ada), "username", "ada", "access", "disable"), ada));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("You cannot disable your own account");
        verify(portal.accounts, never()).setEnabled(eq("ada"), eq(false), any());

        Http.Exchange forged = Portal.run(portal.intranet, Http.post("/intranet/accounts",
                Map.of("username", "sam", "access", "disable"), ada));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(get("/intranet/accounts?edit=sam", portal.signedIn("eddie", Roles.EDITOR)).status()).isEqualTo(403);
    }

    @Test
    void anAccountChangedByAnotherAdministratorMeanwhileIsNotOverwrittenSilently() {
        Cookie ada = portal.signedIn("ada", Roles.ADMIN);
        Person sam = new Person("sam", "Sam Jones", Set.of(Roles.STAFF));
        when(portal.accounts.account("sam")).thenReturn(Optional.of(new Account(sam, true, false, 4)));
        when(portal.accounts.all()).thenReturn(List.of(new Account(sam, true, false, 4)));
        when(portal.accounts.save(anyString(), anyString(), any(), any(), eq(3L), any()))
                .thenThrow(new AccountChangedException("changed"));

        assertThat(get("/intranet/accounts?edit=sam", ada).body()).contains("name=\"version\" value=\"4\"");
        Http.Exchange stale = Portal.run(portal.intranet, Http.post("/intranet/accounts", Map.of("_csrf",
                portal.token(ada), "username", "sam", "displayName", "Samuel Jones", "roles", "editor",
                "version", "3"), ada));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this account while you were editing it")
                .contains("value=\"Samuel Jones\"").contains("name=\"version\" value=\"4\"");
    }

    @Test
    void untilThePrintedPasswordIsChangedEveryIntranetPageLeadsToTheChange() {
        Cookie admin = portal.signedIn("admin", Roles.ADMIN);
        when(portal.accounts.passwordChangeRequired("admin")).thenReturn(true);

        for (String path : new String[] {"/intranet", "/intranet/accounts", "/intranet/audit", "/intranet/x/y"}) {
            Http.Exchange x = get(path, admin);
            assertThat(x.status()).as(path).isEqualTo(303);
            assertThat(x.header("Location")).as(path).contains("/intranet/password");
        }
        Http.Exchange post = Portal.run(portal.intranet, Http.post("/intranet/accounts",
                Map.of("_csrf", portal.token(admin), "username", "x", "access", "disable"), admin));
        assertThat(post.status()).isEqualTo(303);
        verify(portal.accounts, never()).setEnabled(anyString(), anyBoolean(), any());

        Http.Exchange page = get("/intranet/password", admin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Choose your own before you use the intranet")
                .contains("autocomplete=\"current-password\"").contains("autocomplete=\"new-password\"");
    }

    @Test
    void peopleChangeTheirOwnPassword() {
        Cookie sam = portal.signedIn("sam", Roles.STAFF);
        Actor self = new Actor("sam", sam.getValue());
        when(portal.accounts.changeOwnPassword(eq("sam"), any(), any(), any(), eq(self)))
                .thenReturn(PasswordChange.CURRENT_REFUSED)
                .thenThrow(new PasswordRejectedException(PasswordProblem.CONTAINS_NAME, "name"))
                .thenReturn(PasswordChange.BUSY)
                .thenReturn(PasswordChange.CHANGED);

        Http.Exchange mismatch = change(sam, "old secret", "new long secret", "new long secreT");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("The two new passwords do not match");

        assertThat(change(sam, "wrong", "new long secret", "new long secret").body())
                .contains("Enter your current password correctly");
        assertThat(change(sam, "old secret", "sam is great 77", "sam is great 77").body())
                .contains("cannot contain the username");
        Http.Exchange busy = change(sam, "old secret", "new long secret", "new long secret");
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.header("Retry-After")).isPresent();
        Http.Exchange changed = change(sam, "old secret", "new long secret", "new long secret");
        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.header("Location")).contains("/intranet");

        Http.Exchange forged = Portal.run(portal.intranet, Http.post("/intranet/password",
                Map.of("currentPassword", "a", "newPassword", "b", "confirmPassword", "b"), sam));
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void theDashboardOffersEveryoneTheirOwnAccountPage() {
        assertThat(get("/intranet", portal.signedIn("sam", Roles.STAFF)).body())
                .contains("href=\"/intranet/password\">Change your password or sign out everywhere");
    }

    private Http.Exchange change(Cookie cookie, String current, String replacement, String confirmation) {
        return Portal.run(portal.intranet, Http.post("/intranet/password", Map.of("_csrf", portal.token(cookie),
                "currentPassword", current, "newPassword", replacement, "confirmPassword", confirmation), cookie));
    }

    private static StaffPage staffPage(String key, String title, String role) {
        StaffPage page = mock(StaffPage.class);
        when(page.key()).thenReturn(key);
        when(page.titleKey()).thenReturn(key + ".title");
        when(page.requiredRole()).thenReturn(role);
        when(page.messages(any(Locale.class))).thenReturn(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{key + ".title", title}};
            }
        });
        return page;
    }
}
