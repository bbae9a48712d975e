package dev.participation.kit.staff;

/**
 * The "are you sure?" page before something is removed ({@link Screen#confirmRemove}).
 *
 * @param what    the thing, as people know it
 * @param warning what removing it means
 * @param button  the remove button's words
 * @param cancel  where "No, keep it" goes
 * @param basis   the fingerprint of the thing as shown, sent back so a changed thing is not
 *                removed unseen; empty when there is none
 */
public record ConfirmRemove(String what, String warning, String button, String cancel, String basis) {
}
