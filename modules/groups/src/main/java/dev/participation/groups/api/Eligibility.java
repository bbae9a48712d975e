package dev.participation.groups.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who a group is for beyond age: the fixed vocabulary visitors filter by. A group marked
 * {@link #OPEN_TO_ALL} fits everyone, so the directory shows it whichever of the others a visitor
 * ticks.
 */
public enum Eligibility {
    IN_CARE("in-care"),
    CARE_LEAVER("care-leaver"),
    SEND("send"),
    YOUNG_CARER("young-carer"),
    PARENT_OR_CARER("parent-or-carer"),
    LGBT_PLUS("lgbt-plus"),
    OPEN_TO_ALL("open-to-all");

    private final String key;

    Eligibility(String key) {
        this.key = key;
    }

    /** The stable name in addresses, forms and message keys ({@code groups.eligibility.<key>}). */
    public String key() {
        return key;
    }

    public static Optional<Eligibility> fromKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
