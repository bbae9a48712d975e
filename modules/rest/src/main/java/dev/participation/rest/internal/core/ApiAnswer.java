package dev.participation.rest.internal.core;

import java.util.Map;

/**
 * What the JSON API answers, complete before anything is written, so a servlet facade copies it
 * onto its response as it is and never needs the container's error pages.
 *
 * @param status the HTTP status
 * @param headers headers to set, in order
 * @param contentType the body's media type, or null when the answer has no body at all (a 204)
 * @param body the body; its length is the Content-Length, also for a HEAD request
 * @param bodySent false for HEAD: the headers describe the body, which is not sent
 */
public record ApiAnswer(int status, Map<String, String> headers, String contentType, byte[] body, boolean bodySent) {
}
