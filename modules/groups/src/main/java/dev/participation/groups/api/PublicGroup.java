package dev.participation.groups.api;

import java.time.LocalDate;

/**
 * A group as the public sees it, in the directory, on its own page and in JSON. It has no field
 * for the staff manager or for who edited it, so neither can leak through a public view.
 */
public record PublicGroup(String slug, String name, String summary, String description, WhoFor whoFor,
        Meetings meetings, Place place, String accessibility, Membership membership, FeedsInto feedsInto,
        String imageUrl, String imageAlt, LocalDate lastReviewed) {
}
