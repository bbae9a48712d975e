package dev.participation.pledge.api;

import java.util.List;
import java.util.Objects;

/**
 * One part of a pledge (Space, Voice, ...), with its promise and the commitments that keep it.
 *
 * @param key             stable identifier across versions
 * @param title           short name, e.g. "Voice"
 * @param promise         a one-line promise
 * @param easyReadPromise the promise in easy-read wording, or empty
 * @param imageUrl        an optional picture (https address or a path on this site), or empty
 * @param imageAlt        what the picture shows, for people who cannot see it; required with a picture
 * @param commitments     in the order they are shown
 */
public record Principle(String key, String title, String promise, String easyReadPromise, String imageUrl,
        String imageAlt, List<Commitment> commitments) {

    public Principle {
        Objects.requireNonNull(key, "key");
        title = title == null ? "" : title;
        promise = promise == null ? "" : promise;
        easyReadPromise = easyReadPromise == null ? "" : easyReadPromise;
        imageUrl = imageUrl == null ? "" : imageUrl;
        imageAlt = imageAlt == null ? "" : imageAlt;
        commitments = List.copyOf(commitments);
    }
}
