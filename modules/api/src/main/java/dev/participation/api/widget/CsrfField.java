package dev.participation.api.widget;

/**
 * The hidden form field that proves a post came from a page this host served.
 *
 * @param name  the field name (already namespaced if the host needs it)
 * @param value the token
 */
public record CsrfField(String name, String value) {
}
