package dev.participation.sketch;

import java.time.Instant;

/**
 * A short notice a council team posts for young people.
 *
 * <p>This record, {@link NoticeText} and {@link Notices} are the sketch's domain API. A real widget
 * exports them from its own bundle in a versioned package ({@code @Export @Version} on its
 * {@code package-info.java}, as {@code dev.participation.pledge.api} is), so other bundles can use
 * them; the sketch keeps them beside its implementation only because it lives in test sources.
 *
 * @param revision counts saves, so a save based on an older revision is refused, not applied unseen
 */
public record Notice(long id, NoticeText content, Instant postedAt, int revision) {
}
