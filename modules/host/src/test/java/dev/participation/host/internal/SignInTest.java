package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.participation.api.account.Actor;
import dev.participation.api.account.SignInResult;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInTest {

    private final Portal portal = new Portal();
    private final Cookie visitor = Portal.visitor();
    private final Person sam = new Person("sam", "Sam Jones", Set.of(Roles.STAFF));

    private Http.Exchange signIn(String username, String password, String returnTo) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", portal.token(visitor),
                "username", username, "password", password));
        if (returnTo != null) {
            form.put("return", returnTo);
        }
        return Portal.run(portal.signIn, Http.post("/sign-in", form, visitor));
    }

    @Test
    void theFormAsksForUsernameAndPasswordWithAutocompleteHints() {
        Http.Exchange x = Portal.run(portal.signIn, Http.get("/sign-in?return=/intranet/audit", visitor));

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.body())
                .contains("<label class=\"govuk-label\" for=\"username\">Username</label>")
                .contains("autocomplete=\"username\"")
                .contains("type=\"password\"").contains("autocomplete=\"current-password\"")
                .contains("name=\"return\" value=\"/intranet/audit\"");
    }

    @Test
    void signingInStartsASessionInAnHttpOnlySameSiteCookie() {
        when(portal.accounts.signIn(eq("sam"), any(), any())).thenReturn(new SignInResult.SignedIn(sam));
        when(portal.sessions.start(sam)).thenReturn("secret-token");

        Http.Exchange x = signIn("sam", "correct horse", "/intranet/audit");

        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).contains("/intranet/audit");
        assertThat(x.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_session=secret-token;")
                .contains("Path=/").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void theSessionCookieIsSecureAndHostOnlyWhenConfiguredSo() {
        Portal behindProxy = new Portal(Portal.config(Map.of("secureCookies", "always")));
        when(behindProxy.accounts.signIn(eq("sam"), any(), any())).thenReturn(new SignInResult.SignedIn(sam));
        when(behindProxy.sessions.start(sam)).thenReturn("secret-token");
        Cookie secureVisitor = new Cookie("__Host-pw_visitor", visitor.getValue());

        Http.Exchange x = Portal.run(behindProxy.signIn, Http.post("/sign-in", Map.of("_csrf",
                behindProxy.token(secureVisitor), "username", "sam", "password", "pw"), secureVisitor));

        assertThat(x.status()).isEqualTo(303);
        assertThat(x.cookies()).anySatisfy(c -> assertThat(c).startsWith("__Host-pw_session=secret-token;")
                .contains("; Path=/").contains("; Secure").doesNotContain("Domain"));
    }

    @Test
    void aSecureSiteIgnoresCookiesWithThePlainName() {
        // A plain-http page or a neighbouring subdomain can plant "pw_visitor", never "__Host-pw_visitor".
        Portal secure = new Portal(Portal.config(Map.of("secureCookies", "always")));
        when(secure.accounts.signIn(eq("sam"), any(), any())).thenReturn(new SignInResult.SignedIn(sam));

        Http.Exchange x = Portal.run(secure.signIn, Http.post("/sign-in", Map.of("_csrf",
                secure.token(visitor), "username", "sam", "password", "pw"), visitor));

        assertThat(x.status()).isEqualTo(400);
        assertThat(x.body()).contains("The sign-in form had expired");
        assertThat(x.cookies()).noneSatisfy(c -> assertThat(c).contains("pw_session=secret"));
    }

    @ParameterizedTest
    @CsvSource({"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"})
    void itOnlyReturnsToPathsOnThisSite(String returnTo) {
        when(portal.accounts.signIn(eq("sam"), any(), any())).thenReturn(new SignInResult.SignedIn(sam));
        when(portal.sessions.start(sam)).thenReturn("secret-token");

        Http.Exchange x = signIn("sam", "pw", returnTo);

        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).contains("/intranet");
    }

    @Test
    void aWrongPasswordKeepsTheUsernameAndSaysWhatToDo() {
        when(portal.accounts.signIn(anyString(), any(), any())).thenReturn(new SignInResult.Refused());

        Http.Exchange x = signIn("sam", "wrong", null);

        assertThat(x.status()).isEqualTo(401);
        assertThat(x.body()).contains("There is a problem").contains("Enter a correct username and password")
                .contains("name=\"username\" type=\"text\" value=\"sam\"")
                .contains("<title>Error: Sign in - Have your say</title>")
                .doesNotContain("wrong");
        assertThat(x.cookies()).noneSatisfy(c -> assertThat(c).startsWith("pw_session=secret"));
    }

    @Test
    void thePasswordIsClearedAfterTheCheck() {
        AtomicReference<char[]> given = new AtomicReference<>();
        when(portal.accounts.signIn(anyString(), any(), any())).thenAnswer(i -> {
            given.set(i.getArgument(1));
            assertThat(new String(given.get())).isEqualTo("s3cret");
            return new SignInResult.Refused();
        });

        signIn("sam", "s3cret", null);

        assertThat(new String(given.get())).isEqualTo("\0\0\0\0\0\0");
    }

    @Test
    void tooManyAttemptsFromOneConnectionSayWhenToTryAgain() {
        when(portal.accounts.signIn(anyString(), any(), any()))
                .thenReturn(new SignInResult.Throttled(Portal.NOW.plus(Duration.ofMinutes(14).plusSeconds(20))));

        Http.Exchange x = signIn("sam", "pw", null);

        assertThat(x.status()).isEqualTo(429);
        assertThat(x.body()).contains("too many attempts to sign in from your connection")
                .contains("Try again in 15 minutes").contains("value=\"sam\"");
        assertThat(x.header("Retry-After")).contains("860");
    }

    @Test
    void whenTooManyPasswordsAreBeingCheckedThePersonIsAskedKindlyToTryAgainSoon() {
        when(portal.accounts.signIn(anyString(), any(), any())).thenReturn(new SignInResult.Busy());

        Http.Exchange x = signIn("sam", "pw", null);

        assertThat(x.status()).isEqualTo(429);
        assertThat(x.header("Retry-After")).contains("2");
        assertThat(x.body()).contains("Lots of people are signing in right now").contains("value=\"sam\"");
        verify(portal.sessions, never()).start(any());
    }

    @Test
    void theAddressTheAttemptCameFromIsGivenForThrottling() {
        when(portal.accounts.signIn(anyString(), any(), any())).thenReturn(new SignInResult.Refused());
        Http.Exchange exchange = Http.post("/sign-in", Map.of("_csrf", portal.token(visitor), "username", "sam",
                "password", "pw"), visitor);
        when(exchange.request.getRemoteAddr()).thenReturn("192.0.2.44");

        Portal.run(portal.signIn, exchange);

        verify(portal.accounts).signIn(eq("sam"), any(), eq("192.0.2.44"));
    }

    @Test
    void theFirstAdministratorGoesStraightToChangeThePrintedPassword() {
        when(portal.accounts.signIn(eq("sam"), any(), any())).thenReturn(new SignInResult.SignedIn(sam));
        when(portal.accounts.passwordChangeRequired("sam")).thenReturn(true);
        when(portal.sessions.start(sam)).thenReturn("secret-token");

        Http.Exchange x = signIn("sam", "printed-password", "/intranet/audit");

        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).contains("/intranet/password");
    }

    @Test
    void anExpiredFormIsShownAgainWithTheUsernameAndAFreshToken() {
        Http.Exchange x = Portal.run(portal.signIn, Http.post("/sign-in",
                Map.of("_csrf", "stale", "username", "sam", "password", "pw"), visitor));

        assertThat(x.status()).isEqualTo(400);
        assertThat(x.body()).contains("value=\"sam\"").contains("The sign-in form had expired")
                .contains("name=\"_csrf\" value=\"" + portal.token(visitor) + "\"");
        verify(portal.accounts, never()).signIn(anyString(), any(), any());
    }

    @Test
    void signingOutEndsTheSessionAndForgetsTheCookie() {
        Cookie session = portal.signedIn("sam", Roles.STAFF);

        Http.Exchange refused = Portal.run(portal.signOut, Http.post("/sign-out", Map.of(), session));
        verify(portal.sessions, never()).end(anyString());
        assertThat(refused.status()).isEqualTo(403);

        Http.Exchange x = Portal.run(portal.signOut, Http.post("/sign-out", Map.of("_csrf", portal.token(session)), session));

        verify(portal.sessions).end(session.getValue());
        assertThat(x.status()).isEqualTo(303);
        assertThat(x.header("Location")).contains("/");
        assertThat(x.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_session=;").contains("Max-Age=0"));
        verify(portal.accounts, never()).signOutEverywhere(anyString(), any());
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccount() {
        Cookie session = portal.signedIn("sam", Roles.STAFF);

        Http.Exchange x = Portal.run(portal.signOut, Http.post("/sign-out",
                Map.of("_csrf", portal.token(session), "everywhere", "yes"), session));

        verify(portal.accounts).signOutEverywhere("sam", new Actor("sam", session.getValue()));
        assertThat(x.status()).isEqualTo(303);
        assertThat(x.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_session=;").contains("Max-Age=0"));
    }
}
