package dev.participation.host.internal.intranet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffPage;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.widget.RegisteredWidget;
import dev.participation.host.internal.widget.WidgetRegistry;

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

/**
 * The staff intranet: sign-in required. {@code /intranet} is the dashboard,
 * {@code /intranet/audit} and {@code /intranet/accounts} are for administrators,
 * {@code /intranet/password} is everyone's own (and the only page until a required change is made), and
 * {@code /intranet/<key>/...} are the staff pages widget bundles contribute.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/intranet", "/intranet/*"})
@HttpWhiteboardServletName("participation-intranet")
public final class IntranetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Callers callers;
    private final transient Layout layout;
    private final transient StaffPageRegistry staffPages;
    private final transient StaffPages staff;
    private final transient AuditPage audit;
    private final transient AccountsPage accounts;
    private final transient PasswordPage password;
    private final transient WidgetRegistry widgets;
    private final transient Logger log;

    @Activate
    public IntranetServlet(@Reference Callers callers, @Reference Layout layout,
            @Reference StaffPageRegistry staffPages, @Reference StaffPages staff, @Reference AuditPage audit,
            @Reference AccountsPage accounts, @Reference PasswordPage password, @Reference WidgetRegistry widgets,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.callers = callers;
        this.layout = layout;
        this.staffPages = staffPages;
        this.staff = staff;
        this.audit = audit;
        this.accounts = accounts;
        this.password = password;
        this.widgets = widgets;
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean post) {
        Caller caller = callers.resolve(request, response);
        String path = Paths.of(request);
        try {
            if (!caller.signedIn()) {
                if (post) {
                    layout.error(request, response, caller, ErrorPage.FORBIDDEN, "/sign-in");
                } else {
                    String query = request.getQueryString();
                    String back = query == null ? path : path + "?" + query;
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", "/sign-in?return=" + Paths.encode(back));
                }
                return;
            }
            String rest = path.length() > "/intranet".length() ? path.substring("/intranet/".length()) : "";
            int slash = rest.indexOf('/');
            String first = slash < 0 ? rest : rest.substring(0, slash);
            String below = slash < 0 ? "" : rest.substring(slash + 1);
            boolean passwordPage = "password".equals(first) && below.isEmpty();
            if (!passwordPage && password.required(caller)) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", PasswordPage.PATH);
                return;
            }
            if (passwordPage) {
                if (post) {
                    password.post(request, response, caller);
                } else {
                    password.get(request, response, caller);
                }
            } else if (first.isEmpty()) {
                if (post) {
                    layout.error(request, response, caller, ErrorPage.NOT_ALLOWED, "/intranet");
                } else {
                    dashboard(request, response, caller);
                }
            } else if ("audit".equals(first) && below.isEmpty()) {
                if (!caller.has(Roles.ADMIN)) {
                    layout.error(request, response, caller, ErrorPage.FORBIDDEN, "/intranet");
                } else if (post) {
                    layout.error(request, response, caller, ErrorPage.NOT_ALLOWED, "/intranet/audit");
                } else {
                    audit.get(request, response, caller);
                }
            } else if ("accounts".equals(first) && below.isEmpty()) {
                if (!caller.has(Roles.ADMIN)) {
                    layout.error(request, response, caller, ErrorPage.FORBIDDEN, "/intranet");
                } else if (post) {
                    accounts.post(request, response, caller);
                } else {
                    accounts.get(request, response, caller);
                }
            } else {
                Optional<StaffPageRegistry.Registered> registered = staffPages.find(first);
                Optional<StaffPage> page = registered.map(StaffPageRegistry.Registered::page);
                if (page.isEmpty()) {
                    layout.error(request, response, caller, ErrorPage.NOT_FOUND, "/intranet");
                } else if (!caller.has(page.get().requiredRole())) {
                    layout.error(request, response, caller, ErrorPage.FORBIDDEN, "/intranet");
                } else if (post) {
                    staff.post(request, response, caller, page.get(), registered.get().bundle(), below);
                } else {
                    staff.get(request, response, caller, page.get(), below);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("Intranet request {} {} failed", request.getMethod(), path, e);
            layout.error(request, response, caller, ErrorPage.SERVER_ERROR, "/intranet");
        }
    }

    private void dashboard(HttpServletRequest request, HttpServletResponse response, Caller caller)
            throws IOException {
        List<Map<String, String>> tools = new ArrayList<>();
        for (StaffPageRegistry.Registered r : staffPages.all()) {
            if (caller.has(r.page().requiredRole())) {
                tools.add(Map.of("title", staff.title(r.page(), caller), "href", "/intranet/" + r.page().key() + "/"));
            }
        }
        List<Map<String, String>> publicPages = new ArrayList<>();
        publicPages.add(Map.of("title", layout.messages(caller).get("page.home.title"), "href", "/"));
        for (RegisteredWidget w : widgets.pages()) {
            publicPages.add(Map.of("title", w.name(caller.locale()), "href", "/" + w.key()));
        }
        layout.page(request, response, caller, HttpServletResponse.SC_OK, layout.messages(caller).get("intranet.title"),
                "/intranet", "intranet.ftlh", Map.of(
                        "name", caller.person().orElseThrow().displayName(),
                        "tools", tools,
                        "admin", caller.has(Roles.ADMIN),
                        "editor", caller.has(Roles.EDITOR),
                        "publicPages", publicPages));
    }
}
