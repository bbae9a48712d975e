package dev.participation.api.account;

/** What became of someone changing their own password. */
public enum PasswordChange {
    /** Saved; the account's other sessions have ended. */
    CHANGED,
    /** The current password given was wrong (or the account is throttled); nothing changed. */
    CURRENT_REFUSED,
    /** Too many passwords are being checked at this moment; nothing changed. */
    BUSY
}
