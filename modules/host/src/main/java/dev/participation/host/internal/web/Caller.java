package dev.participation.host.internal.web;

import java.util.Locale;
import java.util.Optional;

import dev.participation.api.widget.Person;

/**
 * Who is making this request.
 *
 * @param person       the signed-in person, if any
 * @param sessionToken their session cookie's token
 * @param binding      what CSRF tokens are bound to: the session token when signed in, else the
 *                     visitor cookie
 * @param bindingSent  whether the binding came with the request (a new visitor's does not, so
 *                     none of their posts can be valid yet)
 * @param locale       the language the page is written in
 */
public record Caller(Optional<Person> person, Optional<String> sessionToken, String binding, boolean bindingSent,
        Locale locale) {

    public boolean signedIn() {
        return person.isPresent();
    }

    public boolean has(String role) {
        return person.map(p -> p.hasRole(role)).orElse(false);
    }
}
