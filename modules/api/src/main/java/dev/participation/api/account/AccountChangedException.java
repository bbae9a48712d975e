package dev.participation.api.account;

/** The account changed (or was created) since the form being saved was shown; nothing was saved. */
public final class AccountChangedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AccountChangedException(String message) {
        super(message);
    }
}
