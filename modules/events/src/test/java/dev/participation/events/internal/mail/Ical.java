package dev.participation.events.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * A calendar file as ical4j (a real iCalendar parser) reads it, checked for the RFC 5545 lexical
 * rules a parser may forgive: CRLF only, and no line longer than 75 octets.
 */
record Ical(Calendar calendar, List<Map<String, String>> events) {

    static Ical parse(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        for (String line : text.split("\r\n", -1)) {
            assertThat(line).as("no bare line break").doesNotContain("\n").doesNotContain("\r");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("folded at 75 octets: " + line)
                    .isLessThanOrEqualTo(75);
        }
        try {
            Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(file));
            List<Map<String, String>> events = calendar.<VEvent>getComponents().stream()
                    .filter(c -> c instanceof VEvent).map(c -> {
                        Map<String, String> values = new LinkedHashMap<>();
                        for (Property p : c.getPropertyList().getAll()) {
                            values.put(p.getName(), p.getValue());
                        }
                        return values;
                    }).toList();
            return new Ical(calendar, events);
        } catch (Exception e) {
            throw new AssertionError("ical4j refused the file:\n" + text, e);
        }
    }

    String method() {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse("");
    }

    Map<String, String> only() {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** When the {@code index}th event starts or ends, as ical4j reads its DTSTART or DTEND. */
    Instant instant(int index, String property) {
        VEvent event = (VEvent) calendar.getComponents().stream().filter(c -> c instanceof VEvent).toList().get(index);
        DateProperty<?> date = event.<DateProperty<?>>getProperty(property).orElseThrow();
        return Instant.from((Temporal) date.getDate());
    }

    /** ical4j's own validation (RFC 5545, and RFC 5546 for METHOD) finds no errors. */
    void isValid() {
        try {
            assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        } catch (Exception e) {
            throw new AssertionError("ical4j's validation failed: " + e.getMessage(), e);
        }
    }
}
