package dev.participation.events.api;

import java.util.Objects;

/**
 * Who made a booking. For {@link BookerRole#SELF} name and organisation are empty; a carer or
 * worker gives their name, a school its name as the organisation (and the teacher's name).
 */
public record Booker(BookerRole role, String name, String organisation) {

    public static final Booker SELF = new Booker(BookerRole.SELF, "", "");

    public Booker {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisation, "organisation");
    }
}
