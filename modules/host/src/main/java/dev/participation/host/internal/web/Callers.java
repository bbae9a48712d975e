package dev.participation.host.internal.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import dev.participation.api.account.SignInSessions;
import dev.participation.api.widget.Person;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Resolves the person behind each request from the session cookie. Sessions live in the
 * database, so any portal node answers for any session.
 */
@Component(service = Callers.class)
public final class Callers {

    private static final String ATTRIBUTE = Callers.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInSessions sessions;
    private final Site site;

    @Activate
    public Callers(@Reference SignInSessions sessions, @Reference Site site) {
        this.sessions = sessions;
        this.site = site;
    }

    /**
     * The caller of this request, looked up once and remembered on the request. A visitor without
     * a visitor cookie is given one, so the forms on the page they get can be checked later.
     */
    public Caller resolve(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller known) {
            return known;
        }
        Optional<String> token = Cookies.read(request, Cookies.SESSION, site.secureCookies(request));
        Optional<Person> person = token.flatMap(sessions::resume);
        Caller caller;
        if (person.isPresent()) {
            caller = new Caller(person, token, token.get(), true, site.locale(request));
        } else {
            if (token.isPresent()) {
                // An expired or ended session: forget the stale cookie.
                Cookies.clear(response, Cookies.SESSION, site.secureCookies(request));
            }
            Optional<String> visitor = Cookies.read(request, Cookies.VISITOR, site.secureCookies(request));
            String binding = visitor.orElseGet(() -> {
                String fresh = randomToken();
                Cookies.set(response, Cookies.VISITOR, fresh, -1, site.secureCookies(request));
                return fresh;
            });
            caller = new Caller(Optional.empty(), Optional.empty(), binding, visitor.isPresent(), site.locale(request));
        }
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    /** Forgets the remembered caller, after sign-in or sign-out changed who it is. */
    public void forget(HttpServletRequest request) {
        request.removeAttribute(ATTRIBUTE);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
