package dev.participation.host.internal.assets;

/**
 * A static file held in memory.
 *
 * @param version a hash of the content, used in URLs so they can be cached for a year
 */
public record Asset(byte[] content, String contentType, String version) {
}
