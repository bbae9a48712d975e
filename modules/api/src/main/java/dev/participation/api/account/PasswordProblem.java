package dev.participation.api.account;

/** Why a new password was refused; each has its own message in the host's words. */
public enum PasswordProblem {
    TOO_SHORT,
    TOO_LONG,
    ONLY_SPACES,
    CONTAINS_NAME,
    REPEATED_CHARACTERS,
    SEQUENTIAL_CHARACTERS,
    COMMON
}
