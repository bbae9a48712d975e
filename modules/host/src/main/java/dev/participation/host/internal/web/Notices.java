package dev.participation.host.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.participation.api.security.SharedSecrets;
import dev.participation.api.widget.Message;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * One-off notices ("The widget's settings were saved") carried across a post-redirect-get in a
 * short-lived signed cookie. Not in server memory: the next request may reach another portal node,
 * and nodes share only the database. Signed so nobody can make the site show words of their choosing.
 */
@Component(service = Notices.class)
public final class Notices {

    // Long enough for the redirect to be followed, short enough not to surprise someone later.
    private static final int MAX_AGE_SECONDS = 120;

    private final SharedSecrets secrets;
    private volatile Signer signer;

    @Activate
    public Notices(@Reference SharedSecrets secrets) {
        this.secrets = secrets;
    }

    private Signer signer() {
        Signer s = signer;
        if (s == null) {
            s = new Signer(secrets.key("notice"));
            signer = s;
        }
        return s;
    }

    /**
     * Keeps the notice for the next page, already translated: the words may come from a widget's or
     * staff page's own language file, which the page showing the notice cannot know.
     */
    public void set(HttpServletResponse response, Message message, Messages words, boolean secure) {
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(words.get(message).getBytes(StandardCharsets.UTF_8));
        Cookies.set(response, Cookies.NOTICE, encoded + "." + signer().sign(encoded), MAX_AGE_SECONDS, secure);
    }

    /** The waiting notice, if any, which is then cleared so it shows once. */
    public Optional<String> take(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        Optional<String> cookie = Cookies.read(request, Cookies.NOTICE, secure);
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        Cookies.clear(response, Cookies.NOTICE, secure);
        String value = cookie.get();
        int dot = value.indexOf('.');
        if (dot < 0 || !signer().verify(value.substring(0, dot), value.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
