package dev.participation.host.internal.web;

import dev.participation.api.security.SharedSecrets;
import dev.participation.api.widget.CsrfField;

import jakarta.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tokens that prove a post came from a form this site served to the same browser: an HMAC of the
 * caller's binding (session or visitor cookie) under a key every portal node shares, so no token
 * has to be remembered anywhere.
 */
@Component(service = Csrf.class)
public final class Csrf {

    public static final String FIELD = "_csrf";

    private final SharedSecrets secrets;
    // The key is the same on every node and for the life of the database; reading it once
    // saves a database round trip on every page.
    private volatile Signer signer;

    @Activate
    public Csrf(@Reference SharedSecrets secrets) {
        this.secrets = secrets;
    }

    private Signer signer() {
        Signer s = signer;
        if (s == null) {
            s = new Signer(secrets.key("csrf"));
            signer = s;
        }
        return s;
    }

    public String token(Caller caller) {
        return signer().sign(caller.binding());
    }

    public CsrfField field(Caller caller) {
        return new CsrfField(FIELD, token(caller));
    }

    public boolean valid(HttpServletRequest request, Caller caller) {
        if (!caller.bindingSent()) {
            return false;
        }
        return signer().verify(caller.binding(), request.getParameter(FIELD));
    }
}
