package dev.participation.events.internal.alerts;

import dev.participation.events.api.EventSession;

/** How full a session is, as the alerts and the staff list both judge it. */
public enum Fullness {
    OPEN("open", 0),
    /** At least 80% of its places are taken. */
    NEARLY_FULL("nearly-full", 80),
    FULL("full", 100);

    private final String key;
    private final int percent;

    Fullness(String key, int percent) {
        this.key = key;
        this.percent = percent;
    }

    /** The word in message keys and CSS classes. */
    public String key() {
        return key;
    }

    /** The threshold in per cent, as recorded with a sent alert. */
    public int percent() {
        return percent;
    }

    public static Fullness of(int taken, int capacity) {
        if (taken >= capacity) {
            return FULL;
        }
        // In whole numbers, so 8 of 10 is nearly full and no rounding makes 79.99% count.
        return taken * 100L >= NEARLY_FULL.percent * (long) capacity ? NEARLY_FULL : OPEN;
    }

    public static Fullness of(EventSession session) {
        return of(session.placesTaken(), session.details().capacity());
    }
}
