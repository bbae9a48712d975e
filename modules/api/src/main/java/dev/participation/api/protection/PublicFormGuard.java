package dev.participation.api.protection;

import dev.participation.api.widget.HostRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps automated posts out of a public form (one anybody may send without signing in).
 *
 * <p>A widget asks for {@link #fields(String)} each time it draws the form and puts them in it (the
 * kit's {@code kit/protection.ftlh} macro draws them); on a post it calls
 * {@link #check(String, HostRequest)} before it keeps anything. When the check refuses, the widget
 * draws the form again with everything that was typed, the verdict's message and fresh fields, and
 * answers {@code PostOutcome.invalid(view)}: a person who trips a rule loses nothing and can send
 * again.
 */
@ProviderType
public interface PublicFormGuard {

    /**
     * What the form must carry this time it is drawn: a fresh token saying when it was drawn.
     *
     * @param formKey names the form, the same on every node and in every release, such as
     *                {@code feedback.comment}; limits are counted per form key
     */
    GuardFields fields(String formKey);

    /**
     * Whether this post of the form may go ahead. Never throws for anything a visitor sent; a
     * passing post is counted against the form's rate limits, a refused one is not.
     */
    Verdict check(String formKey, HostRequest request);

    /**
     * Like {@link #check(String, HostRequest)}, in two steps, for a form whose post is written in a
     * transaction anyway (a sign-up): the rules that need no database (the honeypot, the token)
     * now, and the rate limits by {@link Screening#admit()}, called inside that transaction, so the
     * post and its count commit together, once. Never throws for anything a visitor sent.
     *
     * @since 1.1
     */
    Screening screen(String formKey, HostRequest request);
}
