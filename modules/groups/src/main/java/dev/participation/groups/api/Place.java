package dev.participation.groups.api;

import java.util.Objects;

/**
 * Where a group meets: the area of the borough visitors filter by, the venue, and whether members
 * meet in person, online or either. Area and venue are empty for a group that only meets online.
 */
public record Place(String area, String venue, Attendance attendance) {

    public Place {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(venue, "venue");
    }
}
