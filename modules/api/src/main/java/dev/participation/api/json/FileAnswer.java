package dev.participation.api.json;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link JsonResource} returns for an answer that is not JSON, such as an iCalendar feed a
 * calendar program subscribes to: the JSON API sends the bytes as they are with this media type
 * (and the same headers as a JSON answer); failures are still problem details.
 *
 * @param mediaType for example {@code text/calendar; charset=utf-8}
 * @param content   the body, kept exactly as given
 * @since 1.1
 */
public record FileAnswer(String mediaType, byte[] content) {

    public FileAnswer {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (mediaType.isBlank() || mediaType.contains("\r") || mediaType.contains("\n")) {
            throw new IllegalArgumentException("Not a media type: '" + mediaType + "'");
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileAnswer that && mediaType.equals(that.mediaType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "FileAnswer[" + mediaType + ", " + content.length + " bytes]";
    }
}
