package dev.participation.groups.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything an editor writes about a group. {@code manager} is the account id of the member of
 * staff who answers for the group; it is never shown publicly (see {@link PublicGroup}). Text that
 * is not given is empty, never null; {@code lastReviewed} may be null for a group never reviewed.
 * {@link GroupRules#check} says what is acceptable.
 */
public record GroupDetails(String name, String summary, String description, WhoFor whoFor, Meetings meetings,
        Place place, String accessibility, Membership membership, FeedsInto feedsInto, String manager,
        String imageUrl, String imageAlt, LocalDate lastReviewed) {

    public GroupDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(whoFor, "whoFor");
        Objects.requireNonNull(meetings, "meetings");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(accessibility, "accessibility");
        Objects.requireNonNull(feedsInto, "feedsInto");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(imageAlt, "imageAlt");
    }
}
