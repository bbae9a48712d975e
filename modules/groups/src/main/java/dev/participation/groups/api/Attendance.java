package dev.participation.groups.api;

import java.util.Arrays;
import java.util.Optional;

/** Whether members meet in a room, online, or either, as they choose. */
public enum Attendance {
    IN_PERSON("in-person"),
    ONLINE("online"),
    BOTH("both");

    private final String key;

    Attendance(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether someone who can only take part this way ({@link #IN_PERSON} or {@link #ONLINE}) can join. */
    public boolean allows(Attendance way) {
        return this == BOTH || this == way;
    }

    public static Optional<Attendance> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
