package dev.participation.host.internal.signin;

import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.account.SignInSessions;
import dev.participation.api.widget.Message;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.Cookies;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Notices;
import dev.participation.host.internal.web.Site;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Ends the session in the database, so it ends on every portal node, and forgets the cookie; with
 * {@code everywhere=yes}, ends every session of the account (a lost phone, a shared computer).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/sign-out")
@HttpWhiteboardServletName("participation-sign-out")
public final class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SignInSessions sessions;
    private final transient Accounts accounts;
    private final transient Callers callers;
    private final transient Csrf csrf;
    private final transient Layout layout;
    private final transient Notices notices;
    private final transient Site site;

    @Activate
    public SignOutServlet(@Reference SignInSessions sessions, @Reference Accounts accounts, @Reference Callers callers,
            @Reference Csrf csrf, @Reference Layout layout, @Reference Notices notices, @Reference Site site) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.callers = callers;
        this.csrf = csrf;
        this.layout = layout;
        this.notices = notices;
        this.site = site;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        if (!csrf.valid(request, caller)) {
            layout.error(request, response, caller, ErrorPage.EXPIRED, "/");
            return;
        }
        boolean everywhere = "yes".equals(request.getParameter("everywhere"));
        if (everywhere && caller.signedIn()) {
            String username = caller.person().orElseThrow().id();
            accounts.signOutEverywhere(username, new Actor(username, caller.sessionToken().orElse("")));
        } else {
            caller.sessionToken().ifPresent(sessions::end);
        }
        boolean secure = site.secureCookies(request);
        Cookies.clear(response, Cookies.SESSION, secure);
        if (caller.signedIn()) {
            notices.set(response, Message.of(everywhere ? "signOutEverywhere.done" : "signOut.done"),
                    site.messages(caller.locale()), secure);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/");
    }
}
