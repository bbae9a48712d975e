package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.participation.api.account.Account;
import dev.participation.api.account.AccountChangedException;
import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.account.PasswordRejectedException;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Notices;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Administrators list the portal's local accounts and create or change one. */
@Component(service = AccountsPage.class)
public final class AccountsPage {

    static final String PATH = "/intranet/accounts";
    // Roles in the order they are offered, least powerful first.
    private static final List<String> ROLE_ORDER = List.of(Roles.STAFF, Roles.EDITOR, Roles.ADMIN);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final Accounts accounts;
    private final Layout layout;
    private final Csrf csrf;
    private final Notices notices;
    private final Site site;

    @Activate
    public AccountsPage(@Reference Accounts accounts, @Reference Layout layout, @Reference Csrf csrf,
            @Reference Notices notices, @Reference Site site) {
        this.accounts = accounts;
        this.layout = layout;
        this.csrf = csrf;
        this.notices = notices;
        this.site = site;
    }

    public void get(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        Optional<Account> editing = Optional.ofNullable(request.getParameter("edit")).flatMap(accounts::account);
        show(request, response, caller, HttpServletResponse.SC_OK,
                editing.map(a -> a.person().id()).orElse(""), editing.map(a -> a.person().displayName()).orElse(""),
                editing.map(a -> a.person().roles()).orElse(Set.of()),
                editing.map(Account::version).orElse(Accounts.NEW_ACCOUNT), Map.of());
    }

    public void post(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, PATH);
            return;
        }
        Messages messages = layout.messages(caller);
        String access = request.getParameter("access");
        if (access != null) {
            changeAccess(request, response, caller, messages, access);
            return;
        }
        String username = trimmed(request.getParameter("username"));
        String displayName = trimmed(request.getParameter("displayName"));
        Set<String> roles = new LinkedHashSet<>();
        String[] ticked = request.getParameterValues("roles");
        for (String role : ticked == null ? new String[0] : ticked) {
            if (Roles.ALL.contains(role)) {
                roles.add(role);
            }
        }
        String rawPassword = request.getParameter("password");
        // The version the form was shown with: saving over someone else's change meanwhile is refused.
        long version = version(request.getParameter("version"));
        boolean exists = version != Accounts.NEW_ACCOUNT;

        Map<String, String> errors = new LinkedHashMap<>();
        if (username.isEmpty()) {
            errors.put("username", messages.get("accounts.error.username"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.put("username", messages.get("accounts.error.usernameFormat"));
        }
        if (displayName.isEmpty()) {
            errors.put("displayName", messages.get("accounts.error.displayName"));
        }
        if (roles.isEmpty()) {
            errors.put("roles", messages.get("accounts.error.roles"));
        }
        if (!exists && (rawPassword == null || rawPassword.isEmpty())) {
            errors.put("password", messages.get("accounts.error.password"));
        }
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (errors.isEmpty()) {
            char[] password = rawPassword == null || rawPassword.isEmpty() ? null : rawPassword.toCharArray();
            try {
                accounts.save(username, displayName, roles, password, version, actor(caller));
                notices.set(response, Message.of("accounts.saved", displayName), messages, site.secureCookies(request));
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", PATH);
                return;
            } catch (AccountChangedException e) {
                // What they typed stays; saving again now knowingly replaces the other change.
                errors.put("username", messages.get(exists ? "accounts.error.changedMeanwhile" : "accounts.error.taken"));
                version = accounts.account(username).map(Account::version).orElse(Accounts.NEW_ACCOUNT);
                status = HttpServletResponse.SC_CONFLICT;
            } catch (PasswordRejectedException e) {
                errors.put("password", PasswordPage.problem(messages, e.problem()));
            } catch (IllegalArgumentException e) {
                // The account service holds the rules (name format, roles); its text is not for
                // people, so the form explains in the site's words.
                errors.put("username", messages.get("accounts.error.rejected"));
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
        show(request, response, caller, status, username, displayName, roles, version, errors);
    }

    /** Disabling, enabling and signing out everywhere: one button each, on the account's own view. */
    private void changeAccess(HttpServletRequest request, HttpServletResponse response, Caller caller,
            Messages messages, String access) throws IOException {
        Optional<Account> account = accounts.account(trimmed(request.getParameter("username")));
        Optional<Person> person = account.map(Account::person);
        if (person.isEmpty()) {
            layout.error(request, response, caller, ErrorPage.NOT_FOUND, PATH);
            return;
        }
        String username = person.get().id();
        String notice;
        switch (access) {
            case "disable" -> {
                if (username.equals(caller.person().orElseThrow().id())) {
                    show(request, response, caller, HttpServletResponse.SC_BAD_REQUEST, username,
                            person.get().displayName(), person.get().roles(), account.get().version(),
                            Map.of("access", messages.get("accounts.error.disableSelf")));
                    return;
                }
                accounts.setEnabled(username, false, actor(caller));
                notice = "accounts.disabled";
            }
            case "enable" -> {
                accounts.setEnabled(username, true, actor(caller));
                notice = "accounts.enabled";
            }
            case "signOutEverywhere" -> {
                accounts.signOutEverywhere(username, actor(caller));
                notice = "accounts.signedOutEverywhere";
            }
            default -> {
                layout.error(request, response, caller, ErrorPage.NOT_ALLOWED, PATH);
                return;
            }
        }
        notices.set(response, Message.of(notice, person.get().displayName()), messages, site.secureCookies(request));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", PATH + "?edit=" + Paths.encode(username) + "#account-access");
    }

    private static long version(String value) {
        try {
            return value == null ? Accounts.NEW_ACCOUNT : Math.max(Accounts.NEW_ACCOUNT, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Accounts.NEW_ACCOUNT;
        }
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.person().orElseThrow().id(), caller.sessionToken().orElse(""));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
            String username, String displayName, Set<String> roles, long version, Map<String, String> errors)
            throws IOException {
        boolean existing = version != Accounts.NEW_ACCOUNT;
        Messages messages = layout.messages(caller);
        List<Account> all = accounts.all();
        List<Map<String, String>> people = all.stream().map(a -> Map.of(
                "id", a.person().id(),
                "name", a.person().displayName(),
                "roles", String.join(", ", ROLE_ORDER.stream().filter(a.person().roles()::contains)
                        .map(r -> messages.get("role." + r)).toList()),
                "status", messages.get(a.enabled() ? "accounts.status.enabled" : "accounts.status.disabled"),
                "edit", PATH + "?edit=" + Paths.encode(a.person().id()) + "#account-form")).toList();
        Optional<Account> shown = existing
                ? all.stream().filter(a -> a.person().id().equalsIgnoreCase(username)).findFirst() : Optional.empty();
        List<Map<String, Object>> roleOptions = ROLE_ORDER.stream().map(r -> Map.<String, Object>of(
                "value", r, "label", messages.get("role." + r), "hint", messages.get("role." + r + ".hint"),
                "checked", roles.contains(r))).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("people", people);
        model.put("username", username);
        model.put("displayName", displayName);
        model.put("roles", roleOptions);
        model.put("existing", existing);
        model.put("version", Long.toString(version));
        model.put("enabled", shown.map(Account::enabled).orElse(true));
        model.put("self", caller.person().map(p -> p.id().equalsIgnoreCase(username)).orElse(false));
        model.put("errors", errors);
        model.put("error", errors);
        String title = messages.get("accounts.title");
        layout.page(request, response, caller, status, errors.isEmpty() ? title : messages.get("title.error", title),
                "/intranet", "accounts.ftlh", model);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
