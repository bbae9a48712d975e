package dev.participation.groups.api.join;

import java.util.Locale;
import java.util.Optional;

/**
 * On what footing the adult who agreed to a young child's request could agree. A child in care
 * may have no parent to ask, so a carer or worker with delegated authority is as good.
 */
public enum ConsentRole {
    /** A parent or anyone else with parental responsibility. */
    PARENTAL_RESPONSIBILITY,
    /** A foster carer, residential carer, key worker or social worker with delegated authority. */
    DELEGATED_AUTHORITY;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ConsentRole> of(String code) {
        for (ConsentRole c : values()) {
            if (c.code().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
