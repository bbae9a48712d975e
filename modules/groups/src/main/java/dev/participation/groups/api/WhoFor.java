package dev.participation.groups.api;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who a group is for: an age range in years, school years, or both (a child must fit both), and
 * the situations it is for. Any bound may be absent (null): a group with no age and no school
 * years is open to any age.
 */
public record WhoFor(Integer youngest, Integer oldest, SchoolYear firstYear, SchoolYear lastYear,
        Set<Eligibility> eligibility) {

    /** The highest age anyone can type in the directory's "how old are you?". */
    public static final int OLDEST_VISITOR = 120;

    public WhoFor {
        eligibility = eligibility == null || eligibility.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf((Collection<Eligibility>) eligibility));
    }

    public static WhoFor ages(int youngest, int oldest, Eligibility... eligibility) {
        return new WhoFor(youngest, oldest, null, null, Set.of(eligibility));
    }

    public static WhoFor schoolYears(SchoolYear first, SchoolYear last, Eligibility... eligibility) {
        return new WhoFor(null, null, first, last, Set.of(eligibility));
    }

    public static WhoFor anyAge(Eligibility... eligibility) {
        return new WhoFor(null, null, null, null, Set.of(eligibility));
    }

    /** The youngest age that can fit, from the age range and the school years together. */
    public int youngestFitting() {
        int fromYears = firstYear == null ? 0 : firstYear.youngestAge();
        return Math.max(youngest == null ? 0 : youngest, fromYears);
    }

    /** The oldest age that can fit, or {@link #OLDEST_VISITOR} when nothing limits it. */
    public int oldestFitting() {
        int fromYears = lastYear == null ? OLDEST_VISITOR : lastYear.oldestAge();
        return Math.min(oldest == null ? OLDEST_VISITOR : oldest, fromYears);
    }

    /** Whether someone of this age fits the group's age range and school years. */
    public boolean fitsAge(int age) {
        return age >= youngestFitting() && age <= oldestFitting();
    }
}
