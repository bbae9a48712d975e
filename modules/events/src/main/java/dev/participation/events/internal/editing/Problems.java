package dev.participation.events.internal.editing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.widget.Message;
import dev.participation.kit.staff.Form;

/** Puts problems beside their fields in the order the fields appear, so the error summary reads in the form's order. */
final class Problems {

    private Problems() {
    }

    /** A problem no field in {@code order} shows (from the service) is listed last, in the summary. */
    static void place(Form form, Map<String, Message> problems, List<String> order) {
        Map<String, Message> left = new LinkedHashMap<>(problems);
        for (String field : order) {
            Message problem = left.remove(field);
            if (problem != null) {
                form.reject(field, problem);
            }
        }
        form.absorb(left, "");
    }
}
