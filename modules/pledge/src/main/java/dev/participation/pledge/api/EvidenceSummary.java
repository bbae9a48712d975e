package dev.participation.pledge.api;

/**
 * What the public view shows of a commitment's evidence.
 *
 * @param count  how many pieces of evidence it has
 * @param latest the most recent one (by date, then by when it was added)
 */
public record EvidenceSummary(int count, Evidence latest) {
}
