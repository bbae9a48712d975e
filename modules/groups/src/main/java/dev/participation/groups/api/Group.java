package dev.participation.groups.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A group as editors and staff see it. {@code version} goes up by one with every saved change; a
 * save names the version it was based on, so two editors never overwrite each other unseen.
 */
public record Group(long id, String slug, int version, GroupDetails details, Instant updatedAt, String updatedBy) {

    public Group {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** What the public may see of this group: everything but its manager and who changed it. */
    public PublicGroup publicView() {
        GroupDetails d = details;
        return new PublicGroup(slug, d.name(), d.summary(), d.description(), d.whoFor(), d.meetings(), d.place(),
                d.accessibility(), d.membership(), d.feedsInto(), d.imageUrl(), d.imageAlt(), d.lastReviewed());
    }
}
