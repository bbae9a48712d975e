package dev.participation.groups.internal.view;

import java.util.ArrayList;
import java.util.List;

import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.kit.i18n.Messages;

/** A group's facts in the visitor's words: the same phrases on a card, on its page and on the map. */
public final class GroupText {

    private GroupText() {
    }

    /** "Ages 16 to 19", "School years 5 to 6", both, or "Any age". */
    public static String ages(WhoFor who, Messages messages) {
        List<String> parts = new ArrayList<>();
        if (who.youngest() != null && who.oldest() != null) {
            parts.add(messages.get("groups.view.ages", who.youngest(), who.oldest()));
        } else if (who.youngest() != null) {
            parts.add(messages.get("groups.view.agesFrom", who.youngest()));
        } else if (who.oldest() != null) {
            parts.add(messages.get("groups.view.agesUpTo", who.oldest()));
        }
        if (who.firstYear() != null && who.lastYear() != null) {
            parts.add(who.firstYear() == who.lastYear()
                    ? messages.get("groups.view.schoolYear", year(who.firstYear(), messages))
                    : messages.get("groups.view.schoolYears", year(who.firstYear(), messages),
                            year(who.lastYear(), messages)));
        }
        return parts.isEmpty() ? messages.get("groups.view.anyAge") : String.join(", ", parts);
    }

    static String year(SchoolYear year, Messages messages) {
        return year == SchoolYear.RECEPTION ? messages.get("groups.school-year.reception")
                : messages.get("groups.school-year.year", year.number());
    }

    /** Who the group is for beyond age, as the directory's ticks name them, in the vocabulary's order. */
    public static List<String> situations(WhoFor who, Messages messages) {
        List<String> labels = new ArrayList<>();
        for (Eligibility e : Eligibility.values()) {
            if (who.eligibility().contains(e)) {
                labels.add(messages.get("groups.eligibility." + e.key()));
            }
        }
        return labels;
    }

    /** "Riverside Youth Centre, North" or, for a group that only meets online, "Online". */
    public static String where(Place place, Messages messages) {
        List<String> parts = new ArrayList<>();
        if (!place.venue().isBlank()) {
            parts.add(place.venue());
        }
        if (!place.area().isBlank()) {
            parts.add(place.area());
        }
        String how = messages.get("groups.attendance." + place.attendance().key());
        return parts.isEmpty() ? how : String.join(", ", parts) + " (" + how + ")";
    }
}
