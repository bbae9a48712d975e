package dev.participation.api.widget;

/** How a preference is entered and stored. Every value is stored as text. */
public enum PreferenceType {
    /** One line of text. */
    TEXT,
    /** Several paragraphs of plain text. */
    MULTILINE_TEXT,
    /** A whole number within the declared range. */
    INTEGER,
    /** Yes or no, stored as {@code true} or {@code false}. */
    BOOLEAN,
    /** One of the declared choices. */
    CHOICE
}
