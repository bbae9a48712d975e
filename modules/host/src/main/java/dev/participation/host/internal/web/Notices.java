package dev.participation.host.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.participation.api.security.SharedSecrets;
import dev.participation.api.widget.Message;

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
    private static final char SEPARATOR = '\u001f';

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

    public void set(HttpServletResponse response, Message message, boolean secure) {
        StringBuilder plain = new StringBuilder(message.key());
        for (Object argument : message.arguments()) {
            plain.append(SEPARATOR).append(argument);
        }
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
        Cookies.set(response, Cookies.NOTICE, encoded + "." + signer().sign(encoded), MAX_AGE_SECONDS, secure);
    }

    /** The waiting notice, if any, which is then cleared so it shows once. */
    public Optional<Message> take(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        Optional<String> cookie = Cookies.read(request, Cookies.NOTICE);
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
            String plain = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
            List<Object> arguments = new ArrayList<>(List.of((Object[]) parts).subList(1, parts.length));
            return Optional.of(new Message(parts[0], arguments));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
