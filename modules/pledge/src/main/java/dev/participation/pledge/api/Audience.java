package dev.participation.pledge.api;

import java.util.Locale;
import java.util.Optional;

/** Who a pledge or charter speaks to. Stored by {@link #key()}; labels come from resource bundles. */
public enum Audience {
    CHILDREN_AND_YOUNG_PEOPLE,
    PARENTS_AND_CARERS,
    CHILDREN_IN_CARE_AND_CARE_LEAVERS,
    YOUNG_CARERS,
    CHILDREN_AND_YOUNG_PEOPLE_WITH_SEND,
    EVERYONE;

    /** Lower case with dashes, as stored and as shown in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key of this audience's label: {@code audience.<key>}. */
    public String labelKey() {
        return "audience." + key();
    }

    public static Optional<Audience> fromKey(String key) {
        for (Audience a : values()) {
            if (a.key().equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
