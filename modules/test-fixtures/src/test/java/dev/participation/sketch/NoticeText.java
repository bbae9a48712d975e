package dev.participation.sketch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.widget.Message;

/**
 * What staff write on a notice. The rules live here so the store refuses exactly what the form
 * explains.
 *
 * @param until the last day the notice is shown, or null to show it until someone sets one; a day
 *              in the past takes the notice down
 */
public record NoticeText(String title, String text, LocalDate until) {

    public static final int TITLE_MAX = 120;
    /** Short enough to read on a phone at a glance. */
    public static final int TEXT_MAX = 500;

    /** Each field's problem, in the order the form shows the fields; empty when it may be saved. */
    public Map<String, Message> problems() {
        Map<String, Message> problems = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            problems.put("title", Message.of("sketch.error.title.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.put("title", Message.of("sketch.error.title.tooLong", TITLE_MAX));
        }
        if (text == null || text.isBlank()) {
            problems.put("text", Message.of("sketch.error.text.required"));
        } else if (text.length() > TEXT_MAX) {
            problems.put("text", Message.of("sketch.error.text.tooLong", TEXT_MAX, text.length()));
        }
        return problems;
    }
}
