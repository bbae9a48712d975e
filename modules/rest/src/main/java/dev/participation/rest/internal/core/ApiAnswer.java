package dev.participation.rest.internal.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * What the JSON API answers, complete before anything is written, so a servlet copies it onto its
 * response as it is and never needs the container's error pages.
 *
 * @param status the HTTP status
 * @param headers headers to set, in order
 * @param contentType the body's media type, or null when the answer has no body at all (a 204)
 * @param body the body; its length is the Content-Length, also for a HEAD request
 * @param bodySent false for HEAD: the headers describe the body, which is not sent
 */
public record ApiAnswer(int status, Map<String, String> headers, String contentType, byte[] body, boolean bodySent) {

    /** A response's output stream, opened only when there is a body to send. */
    @FunctionalInterface
    public interface BodyStream {
        OutputStream open() throws IOException;
    }

    /**
     * Writes this answer through a servlet response's own methods, which are the same in the
     * Jakarta and javax servlet APIs but belong to different types.
     */
    public void writeTo(IntConsumer setStatus, BiConsumer<String, String> setHeader, Consumer<String> setContentType,
            IntConsumer setContentLength, BodyStream stream) throws IOException {
        setStatus.accept(status);
        headers.forEach(setHeader);
        if (contentType != null) {
            setContentType.accept(contentType);
            setContentLength.accept(body.length);
            if (bodySent) {
                stream.open().write(body);
            }
        }
    }
}
