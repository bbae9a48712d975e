package dev.participation.host.internal.web;

import java.util.Map;

import dev.participation.kit.i18n.Messages;

/** The error pages the host shows, each with its status and its words in Language.properties. */
public enum ErrorPage {
    NOT_FOUND(404, "error.notFound"),
    FORBIDDEN(403, "error.forbidden"),
    /** A signed-in person posted something their roles do not allow (a staff action needing another role). */
    NOT_PERMITTED(403, "error.notPermitted"),
    /** A form's CSRF token did not match: usually a page left open too long, or cookies blocked. */
    EXPIRED(403, "error.expired"),
    NOT_ALLOWED(405, "error.notAllowed"),
    /** A request the site could not read: a broken address or form, an unknown charset. */
    BAD_REQUEST(400, "error.badRequest"),
    TOO_LARGE(413, "error.tooLarge"),
    /** A method HTTP does not define, or that no server here knows. */
    NOT_IMPLEMENTED(501, "error.notAllowed"),
    SERVER_ERROR(500, "error.server");

    private final int status;
    private final String key;

    ErrorPage(int status, String key) {
        this.status = status;
        this.key = key;
    }

    public int status() {
        return status;
    }

    public String key() {
        return key;
    }

    /** The page's heading and title, in the visitor's words. */
    public String title(Messages messages) {
        return messages.get(key + ".title");
    }

    /**
     * What {@code error.ftlh} shows: the words for this kind of error and a way back to a page of
     * this site.
     */
    public Map<String, Object> model(Messages messages, String back) {
        return Map.of("heading", title(messages), "text", messages.get(key + ".text"), "back", back,
                "backText", messages.get(this == EXPIRED ? "error.expired.back" : "error.home"));
    }

    public static ErrorPage forStatus(int status) {
        return switch (status) {
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> NOT_ALLOWED;
            case 413 -> TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            default -> status >= 500 ? SERVER_ERROR : BAD_REQUEST;
        };
    }
}
