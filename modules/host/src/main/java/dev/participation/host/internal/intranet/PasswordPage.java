package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.account.PasswordChange;
import dev.participation.api.account.PasswordProblem;
import dev.participation.api.account.PasswordRejectedException;
import dev.participation.api.widget.Message;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Notices;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Everyone changes their own password here, giving the current one. The first administrator,
 * whose password was printed on the console, is sent here before any other intranet page.
 */
@Component(service = PasswordPage.class)
public final class PasswordPage {

    static final String PATH = "/intranet/password";
    private static final String CURRENT = "currentPassword";
    private static final String NEW = "newPassword";
    private static final String CONFIRM = "confirmPassword";
    private static final int TOO_MANY_REQUESTS = 429;

    private final Accounts accounts;
    private final Layout layout;
    private final Csrf csrf;
    private final Notices notices;
    private final Site site;

    @Activate
    public PasswordPage(@Reference Accounts accounts, @Reference Layout layout, @Reference Csrf csrf,
            @Reference Notices notices, @Reference Site site) {
        this.accounts = accounts;
        this.layout = layout;
        this.csrf = csrf;
        this.notices = notices;
        this.site = site;
    }

    /** Whether this signed-in person must change their password before anything else. */
    public boolean required(Caller caller) {
        return caller.person().map(p -> accounts.passwordChangeRequired(p.id())).orElse(false);
    }

    public void get(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        show(request, response, caller, HttpServletResponse.SC_OK, Map.of());
    }

    public void post(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, PATH);
            return;
        }
        Messages messages = layout.messages(caller);
        String current = request.getParameter(CURRENT);
        String replacement = request.getParameter(NEW);
        String confirmation = request.getParameter(CONFIRM);
        Map<String, String> errors = new LinkedHashMap<>();
        if (current == null || current.isEmpty()) {
            errors.put(CURRENT, messages.get("password.error.current"));
        }
        if (replacement == null || replacement.isEmpty()) {
            errors.put(NEW, messages.get("password.error.new"));
        } else if (!replacement.equals(confirmation)) {
            errors.put(CONFIRM, messages.get("password.error.confirm"));
        }
        if (!errors.isEmpty()) {
            show(request, response, caller, HttpServletResponse.SC_BAD_REQUEST, errors);
            return;
        }
        String username = caller.person().orElseThrow().id();
        char[] typedCurrent = current.toCharArray();
        char[] typedNew = replacement.toCharArray();
        PasswordChange outcome;
        try {
            outcome = accounts.changeOwnPassword(username, typedCurrent, typedNew, request.getRemoteAddr(),
                    new Actor(username, caller.sessionToken().orElse("")));
        } catch (PasswordRejectedException e) {
            show(request, response, caller, HttpServletResponse.SC_BAD_REQUEST,
                    Map.of(NEW, problem(messages, e.problem())));
            return;
        } finally {
            Arrays.fill(typedCurrent, '\0');
            Arrays.fill(typedNew, '\0');
        }
        switch (outcome) {
            case CHANGED -> {
                notices.set(response, Message.of("password.changed"), messages, site.secureCookies(request));
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", "/intranet");
            }
            case CURRENT_REFUSED -> show(request, response, caller, HttpServletResponse.SC_BAD_REQUEST,
                    Map.of(CURRENT, messages.get("password.error.currentRefused")));
            case BUSY -> {
                response.setHeader("Retry-After", "2");
                show(request, response, caller, TOO_MANY_REQUESTS, Map.of(CURRENT, messages.get("signIn.error.busy")));
            }
        }
    }

    /** The words for a refused new password, shared with the accounts page. */
    static String problem(Messages messages, PasswordProblem problem) {
        return messages.get("password.problem." + switch (problem) {
            case TOO_SHORT -> "tooShort";
            case TOO_LONG -> "tooLong";
            case ONLY_SPACES -> "onlySpaces";
            case CONTAINS_NAME -> "containsName";
            case REPEATED_CHARACTERS -> "repeated";
            case SEQUENTIAL_CHARACTERS -> "sequential";
            case COMMON -> "common";
        });
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
            Map<String, String> errors) throws IOException {
        Messages messages = layout.messages(caller);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("errors", errors);
        model.put("error", errors);
        model.put("required", required(caller));
        String title = messages.get("password.title");
        layout.page(request, response, caller, status, errors.isEmpty() ? title : messages.get("title.error", title),
                "/intranet", "password.ftlh", model);
    }
}
