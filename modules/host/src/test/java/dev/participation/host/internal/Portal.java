package dev.participation.host.internal;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.account.Accounts;
import dev.participation.api.account.SignInSessions;
import dev.participation.api.audit.AuditLog;
import dev.participation.api.security.SharedSecrets;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;
import dev.participation.host.internal.assets.AssetServlet;
import dev.participation.host.internal.assets.GovukAssets;
import dev.participation.host.internal.intranet.AccountsPage;
import dev.participation.host.internal.intranet.AuditPage;
import dev.participation.host.internal.intranet.IntranetServlet;
import dev.participation.host.internal.intranet.PasswordPage;
import dev.participation.host.internal.intranet.StaffActionRegistry;
import dev.participation.host.internal.intranet.StaffPageRegistry;
import dev.participation.host.internal.intranet.StaffPages;
import dev.participation.host.internal.signin.SignInServlet;
import dev.participation.host.internal.signin.SignOutServlet;
import dev.participation.host.internal.site.AnonymousPages;
import dev.participation.host.internal.site.EditorActions;
import dev.participation.host.internal.site.Pages;
import dev.participation.host.internal.site.PublicSiteServlet;
import dev.participation.host.internal.site.WidgetPosts;
import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Notices;
import dev.participation.host.internal.web.SecurityHeadersFilter;
import dev.participation.host.internal.web.Site;
import dev.participation.host.internal.widget.IntroductionWidget;
import dev.participation.host.internal.widget.WidgetRegistry;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;

import org.osgi.service.log.Logger;

/**
 * The host's components wired by hand, as DS would wire them, over an in-memory page store and
 * mocked account services.
 */
public final class Portal {

    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    /** The participation clock's zone, which the portal shows times in. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/London");

    public final SharedSecrets secrets = mock(SharedSecrets.class);
    public final SignInSessions sessions = mock(SignInSessions.class);
    public final Accounts accounts = mock(Accounts.class);
    public final AuditLog audit = mock(AuditLog.class);
    public final Logger log = mock(Logger.class);
    public final MemoryInstances instances = new MemoryInstances();

    public final Site site;
    public final Csrf csrf;
    public final Notices notices;
    public final WidgetRegistry widgets = new WidgetRegistry();
    public final StaffPageRegistry staffPages = new StaffPageRegistry();
    public final StaffActionRegistry staffActions = new StaffActionRegistry();
    public final GovukAssets assets = new GovukAssets();
    public final Layout layout;
    public final Callers callers;
    public final Pages pages;
    public final AnonymousPages pageCopies;
    public final PublicSiteServlet publicSite;
    public final SignInServlet signIn;
    public final SignOutServlet signOut;
    public final IntranetServlet intranet;
    public final AssetServlet assetServlet;
    public final SecurityHeadersFilter headers;

    public Portal() {
        this(config(Map.of()));
    }

    public Portal(HostConfiguration config) {
        this(config, 0);
    }

    /** @param copySeconds how long public pages are reused for visitors; 0 (the default here) never */
    public Portal(HostConfiguration config, int copySeconds) {
        pageCopies = new AnonymousPages(new AnonymousPages.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AnonymousPages.Config.class;
            }

            @Override
            public int seconds() {
                return copySeconds;
            }

            @Override
            public int maxEntries() {
                return 10;
            }
        });
        when(secrets.key(anyString())).thenAnswer(i -> {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) i.<String>getArgument(0).length());
            return key;
        });
        when(sessions.resume(anyString())).thenReturn(Optional.empty());
        site = new Site(config, Clock.fixed(NOW, ZONE));
        csrf = new Csrf(secrets);
        notices = new Notices(secrets);
        widgets.add(new IntroductionWidget(site), null, false, 0);
        layout = new Layout(site, csrf, notices, widgets, assets, log);
        callers = new Callers(sessions, site);
        pages = new Pages(instances, widgets, layout, site, csrf, log);
        WidgetPosts posts = new WidgetPosts(instances, widgets, pages, layout, csrf, notices, site, pageCopies);
        EditorActions editor = new EditorActions(instances, widgets, pages, layout, csrf, notices, site, pageCopies);
        publicSite = new PublicSiteServlet(callers, pages, posts, editor, layout, pageCopies, site, csrf, log);
        signIn = SignInTestAccess.servlet(accounts, sessions, callers, csrf, layout, site, log,
                Clock.fixed(NOW, ZoneOffset.UTC));
        signOut = new SignOutServlet(sessions, accounts, callers, csrf, layout, notices, site);
        StaffPages staff = new StaffPages(layout, csrf, notices, site, widgets, pageCopies, staffActions);
        intranet = new IntranetServlet(callers, layout, staffPages, staff, new AuditPage(audit, accounts, layout, site),
                new AccountsPage(accounts, layout, csrf, notices, site),
                new PasswordPage(accounts, layout, csrf, notices, site), widgets, log);
        assetServlet = new AssetServlet(assets, widgets, staffPages);
        headers = new SecurityHeadersFilter(site);
    }

    /** A signed-in person's session cookie. */
    public Cookie signedIn(String id, String... roles) {
        String token = "session-" + id;
        when(sessions.resume(token)).thenReturn(Optional.of(new Person(id, "Person " + id, Set.of(roles))));
        return new Cookie("pw_session", token);
    }

    public Cookie editor() {
        return signedIn("eddie", Roles.EDITOR);
    }

    public static Cookie visitor() {
        return new Cookie("pw_visitor", "visitor-123");
    }

    /** The CSRF token the page would have given the holder of this cookie. */
    public String token(Cookie cookie) {
        return csrf.token(new Caller(Optional.empty(), Optional.empty(), cookie.getValue(), true,
                java.util.Locale.UK));
    }

    public static Http.Exchange run(HttpServlet servlet, Http.Exchange exchange) {
        try {
            servlet.service(exchange.request, exchange.response);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return exchange;
    }

    public Http.Exchange page(String pathAndQuery, Cookie... cookies) {
        return run(publicSite, Http.get(pathAndQuery, cookies));
    }

    public Http.Exchange post(String path, Map<String, String> params, Cookie... cookies) {
        return run(publicSite, Http.post(path, params, cookies));
    }

    /**
     * An editor sending an introduction's settings form on the home page, with a valid CSRF token:
     * the settings as typed and the version the form was drawn at.
     */
    public Http.Exchange configureIntroduction(String instanceId, String heading, String text, String headingLevel,
            String version, Cookie editor) {
        String ns = "w" + instanceId + "_";
        return post("/home/configure/" + instanceId, Map.of("_csrf", token(editor), ns + "heading", heading,
                ns + "text", text, ns + "headingLevel", headingLevel, ns + "_version", version), editor);
    }

    /** The host's configuration with the given values and the defaults for the rest. */
    public static HostConfiguration config(Map<String, Object> values) {
        return new HostConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HostConfiguration.class;
            }

            @Override
            public String siteName() {
                return (String) values.getOrDefault("siteName", "Have your say");
            }

            @Override
            public String frameAncestors() {
                return (String) values.getOrDefault("frameAncestors", "'self'");
            }

            @Override
            public String secureCookies() {
                return (String) values.getOrDefault("secureCookies", "auto");
            }

            @Override
            public String[] trustedProxies() {
                return (String[]) values.getOrDefault("trustedProxies", new String[0]);
            }

            @Override
            public int hstsMaxAgeSeconds() {
                return (Integer) values.getOrDefault("hstsMaxAgeSeconds", 0);
            }

            @Override
            public String[] languages() {
                return new String[] {"en-GB"};
            }
        };
    }
}
