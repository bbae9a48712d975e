package dev.participation.groups.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * A school year in England, from reception to year 13. Primary schools invite by year rather than
 * by age, so a group for "years 5 and 6" says exactly that.
 */
public enum SchoolYear {
    RECEPTION, YEAR_1, YEAR_2, YEAR_3, YEAR_4, YEAR_5, YEAR_6, YEAR_7, YEAR_8, YEAR_9, YEAR_10, YEAR_11, YEAR_12,
    YEAR_13;

    /** 0 for reception, otherwise the year's number. */
    public int number() {
        return ordinal();
    }

    /** The youngest a child in this year can be: they turn {@code number() + 5} during it. */
    public int youngestAge() {
        return number() + 4;
    }

    /** The oldest a child in this year can be. */
    public int oldestAge() {
        return number() + 5;
    }

    public static Optional<SchoolYear> ofNumber(int number) {
        return number >= 0 && number < values().length ? Optional.of(values()[number]) : Optional.empty();
    }

    /** {@code reception}, {@code year-1}, ... {@code year-13}: the name in forms and message keys. */
    public String key() {
        return this == RECEPTION ? "reception" : "year-" + number();
    }

    public static Optional<SchoolYear> fromKey(String key) {
        return Arrays.stream(values()).filter(y -> y.key().equals(key)).findFirst();
    }
}
