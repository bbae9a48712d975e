package dev.participation.events.api;

import java.util.Arrays;
import java.util.Optional;

/** What happens to the first person on the waiting list who fits when places come free. */
public enum PromotionMode {
    /** They get the place at once and are told so. */
    AUTOMATIC("automatic"),
    /** They are offered the place, which is held for them until the offer ends. */
    OFFER("offer");

    private final String key;

    PromotionMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<PromotionMode> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
