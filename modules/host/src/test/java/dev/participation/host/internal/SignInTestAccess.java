package dev.participation.host.internal;

import java.time.Clock;

import dev.participation.api.account.Accounts;
import dev.participation.api.account.SignInSessions;
import dev.participation.host.internal.signin.SignInServlet;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Site;

import org.osgi.service.log.Logger;

/** Builds the sign-in servlet with a fixed clock. */
final class SignInTestAccess {

    private SignInTestAccess() {
    }

    static SignInServlet servlet(Accounts accounts, SignInSessions sessions, Callers callers, Csrf csrf, Layout layout,
            Site site, Logger log, Clock clock) {
        return new SignInServlet(accounts, sessions, callers, csrf, layout, site, log, clock);
    }
}
