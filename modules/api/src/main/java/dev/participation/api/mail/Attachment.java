package dev.participation.api.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent with a message, such as an {@code .ics} calendar entry.
 *
 * @param fileName  the name the recipient's mail program shows, without any folder
 * @param mediaType for example {@code text/calendar; charset=UTF-8}
 * @param content   the bytes, kept exactly as given
 * @throws IllegalArgumentException if the name has a folder or a control character in it, or the
 *                                  media type is blank or holds a line break: both go into the
 *                                  message's headers, where a line break would start a header of
 *                                  its own
 */
public record Attachment(String fileName, String mediaType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An attachment needs a plain file name, not '" + fileName + "'");
        }
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
        return other instanceof Attachment that && fileName.equals(that.fileName)
                && mediaType.equals(that.mediaType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
