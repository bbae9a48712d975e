package dev.participation.pledge.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One published version in a pledge's history.
 *
 * @param version      from 1, ascending
 * @param publishedAt  when
 * @param publishedBy  who
 * @param restoredFrom the earlier version this one restored, or 0 for a normal publication
 * @param content      exactly what was published
 */
public record PledgeVersion(int version, Instant publishedAt, String publishedBy, int restoredFrom,
        PledgeContent content) {
    public PledgeVersion {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(content, "content");
    }
}
