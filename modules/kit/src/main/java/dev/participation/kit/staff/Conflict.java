package dev.participation.kit.staff;

import java.util.List;

/**
 * Why a form was refused: someone else changed or removed what it edits after it was drawn.
 * Shown above the form, which still holds what this person typed, beside what is saved now.
 *
 * @param removed   what the form edits is gone
 * @param changedBy who changed it, as {@link Screen#who} names them
 * @param changedAt when, as {@link Screen#dateTime} shows it
 * @param rows      each field as saved now and as typed
 * @param discard   opens the form afresh with what is saved, forgetting what was typed
 */
public record Conflict(boolean removed, String changedBy, String changedAt, List<Row> rows, String discard) {

    public record Row(String label, String theirs, String yours, boolean differs) {
    }
}
