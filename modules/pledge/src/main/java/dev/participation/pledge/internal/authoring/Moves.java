package dev.participation.pledge.internal.authoring;

/** Reads which way a "move up" or "move down" button asks to move. */
final class Moves {

    private Moves() {
    }

    /** -1 for up, +1 for down, 0 for anything else. */
    static int direction(Screen s) {
        return switch (s.parameter("direction")) {
            case "up" -> -1;
            case "down" -> 1;
            default -> 0;
        };
    }
}
