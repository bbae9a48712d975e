package dev.participation.groups.api.join;

import java.util.Locale;
import java.util.Optional;

/** Who a trusted adult is to the person asking. */
public enum TrustedAdult {
    PARENT, CARER, FOSTER_CARER, KEY_WORKER, SOCIAL_WORKER;

    /** The value a form sends and the database keeps: {@code foster-carer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TrustedAdult> of(String code) {
        for (TrustedAdult t : values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
