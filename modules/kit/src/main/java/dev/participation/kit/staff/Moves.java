package dev.participation.kit.staff;

/** Reads which way a "move up" or "move down" button (the {@code staff.moveButtons} macro) asks to move. */
public final class Moves {

    private Moves() {
    }

    /** -1 for up, +1 for down, 0 for anything else. */
    public static int direction(Screen s) {
        return switch (s.parameter("direction")) {
            case "up" -> -1;
            case "down" -> 1;
            default -> 0;
        };
    }
}
