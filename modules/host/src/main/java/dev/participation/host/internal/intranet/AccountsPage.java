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

import dev.participation.api.account.Accounts;
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
        Optional<Person> editing = Optional.ofNullable(request.getParameter("edit")).flatMap(accounts::find);
        show(request, response, caller, HttpServletResponse.SC_OK,
                editing.map(Person::id).orElse(""), editing.map(Person::displayName).orElse(""),
                editing.map(Person::roles).orElse(Set.of()), editing.isPresent(), Map.of());
    }

    public void post(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, PATH);
            return;
        }
        Messages messages = layout.messages(caller);
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
        boolean exists = !username.isEmpty() && accounts.find(username).isPresent();

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
        if (errors.isEmpty()) {
            char[] password = rawPassword == null || rawPassword.isEmpty() ? null : rawPassword.toCharArray();
            try {
                accounts.save(username, displayName, roles, password, caller.person().orElseThrow().id());
                notices.set(response, Message.of("accounts.saved", displayName), messages, site.secureCookies(request));
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", PATH);
                return;
            } catch (IllegalArgumentException e) {
                // The account service holds the rules (password length, name format); its text is
                // not for people, so the form explains in the site's words.
                errors.put(password == null ? "username" : "password", messages.get(
                        password == null ? "accounts.error.rejected" : "accounts.error.passwordRules"));
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }
        show(request, response, caller, HttpServletResponse.SC_BAD_REQUEST, username, displayName, roles, exists, errors);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
            String username, String displayName, Set<String> roles, boolean existing, Map<String, String> errors)
            throws IOException {
        Messages messages = layout.messages(caller);
        List<Map<String, String>> people = accounts.all().stream().map(p -> Map.of(
                "id", p.id(),
                "name", p.displayName(),
                "roles", String.join(", ", ROLE_ORDER.stream().filter(p.roles()::contains)
                        .map(r -> messages.get("role." + r)).toList()),
                "edit", PATH + "?edit=" + Paths.encode(p.id()) + "#account-form")).toList();
        List<Map<String, Object>> roleOptions = ROLE_ORDER.stream().map(r -> Map.<String, Object>of(
                "value", r, "label", messages.get("role." + r), "hint", messages.get("role." + r + ".hint"),
                "checked", roles.contains(r))).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("people", people);
        model.put("username", username);
        model.put("displayName", displayName);
        model.put("roles", roleOptions);
        model.put("existing", existing);
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
