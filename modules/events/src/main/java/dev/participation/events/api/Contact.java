package dev.participation.events.api;

import java.util.Objects;

/**
 * How to reach the people booked: their own email or phone, or those of a named trusted adult.
 * At least one of {@code email} and {@code phone} is given; the rest is empty.
 *
 * @param trustedAdult the adult's name, or empty when the address or number is the person's own
 */
public record Contact(String trustedAdult, String email, String phone) {

    public Contact {
        Objects.requireNonNull(trustedAdult, "trustedAdult");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }

    public static Contact email(String email) {
        return new Contact("", email, "");
    }
}
