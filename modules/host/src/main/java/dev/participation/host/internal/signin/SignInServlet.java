package dev.participation.host.internal.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.account.Accounts;
import dev.participation.api.account.SignInResult;
import dev.participation.api.account.SignInSessions;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.Cookies;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Staff sign-in: a GOV.UK form, checked by the account service, starting a database session. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/sign-in")
@HttpWhiteboardServletName("participation-sign-in")
public final class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";
    private static final String RETURN = "return";
    private static final int TOO_MANY_REQUESTS = 429;
    // A password check takes a fraction of a second, so the queue is gone by then.
    private static final int BUSY_RETRY_SECONDS = 2;

    private final transient Accounts accounts;
    private final transient SignInSessions sessions;
    private final transient Callers callers;
    private final transient Csrf csrf;
    private final transient Layout layout;
    private final transient Site site;
    private final transient Logger log;
    private final transient Clock clock;

    /** The clock is the service layer's, so "try again in N minutes" matches the wait it set. */
    @Activate
    public SignInServlet(@Reference Accounts accounts, @Reference SignInSessions sessions, @Reference Callers callers,
            @Reference Csrf csrf, @Reference Layout layout, @Reference Site site,
            @Reference(service = LoggerFactory.class) Logger log, @Reference Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.callers = callers;
        this.csrf = csrf;
        this.layout = layout;
        this.site = site;
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        try {
            form(request, response, caller, HttpServletResponse.SC_OK, "", Map.of());
        } catch (IOException | RuntimeException e) {
            failed(request, response, caller, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        String username = trimmed(request.getParameter(USERNAME));
        try {
            Messages messages = layout.messages(caller);
            if (!csrf.valid(request, caller)) {
                // Most often a sign-in page left open too long: show the form again, ready to go.
                form(request, response, caller, HttpServletResponse.SC_BAD_REQUEST, username,
                        Map.of(USERNAME, messages.get("signIn.error.expired")));
                return;
            }
            String rawPassword = request.getParameter(PASSWORD);
            Map<String, String> errors = new LinkedHashMap<>();
            if (username.isEmpty()) {
                errors.put(USERNAME, messages.get("signIn.error.username"));
            }
            if (rawPassword == null || rawPassword.isEmpty()) {
                errors.put(PASSWORD, messages.get("signIn.error.password"));
            }
            if (!errors.isEmpty()) {
                form(request, response, caller, HttpServletResponse.SC_BAD_REQUEST, username, errors);
                return;
            }
            char[] password = rawPassword.toCharArray();
            SignInResult result;
            try {
                result = accounts.signIn(username, password, request.getRemoteAddr());
            } finally {
                Arrays.fill(password, '\0');
            }
            if (result instanceof SignInResult.SignedIn signedIn) {
                String token = sessions.start(signedIn.person());
                Cookies.set(response, Cookies.SESSION, token, -1, site.secureCookies(request));
                callers.forget(request);
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                // The intranet would send them there anyway; going straight saves a round trip.
                response.setHeader("Location", accounts.passwordChangeRequired(signedIn.person().id())
                        ? "/intranet/password" : Paths.localOr(request.getParameter(RETURN), "/intranet"));
            } else if (result instanceof SignInResult.Throttled throttled) {
                long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).getSeconds());
                long minutes = Math.max(1, (seconds + 59) / 60);
                response.setHeader("Retry-After", Long.toString(seconds));
                form(request, response, caller, TOO_MANY_REQUESTS, username,
                        Map.of(USERNAME, messages.get("signIn.error.throttled", minutes)));
            } else if (result instanceof SignInResult.Busy) {
                response.setHeader("Retry-After", Long.toString(BUSY_RETRY_SECONDS));
                form(request, response, caller, TOO_MANY_REQUESTS, username,
                        Map.of(USERNAME, messages.get("signIn.error.busy")));
            } else {
                // Unknown name, wrong password, disabled account or a name that must wait: one answer.
                form(request, response, caller, HttpServletResponse.SC_UNAUTHORIZED, username,
                        Map.of(USERNAME, messages.get("signIn.error.refused")));
            }
        } catch (IOException | RuntimeException e) {
            failed(request, response, caller, e);
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
            String username, Map<String, String> errors) throws IOException {
        String back = request.getParameter(RETURN);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("username", username);
        model.put("errors", errors);
        model.put("usernameError", errors.getOrDefault(USERNAME, ""));
        model.put("passwordError", errors.getOrDefault(PASSWORD, ""));
        model.put("returnTo", Paths.isLocal(back) ? back : "");
        Messages messages = layout.messages(caller);
        String title = messages.get("signIn.title");
        layout.page(request, response, caller, status, errors.isEmpty() ? title : messages.get("title.error", title),
                "/sign-in", "sign-in.ftlh", model);
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, Caller caller, Exception e) {
        log.error("Sign-in failed", e);
        layout.error(request, response, caller, ErrorPage.SERVER_ERROR, "/sign-in");
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
