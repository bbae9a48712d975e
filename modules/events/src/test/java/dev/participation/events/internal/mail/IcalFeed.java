package dev.participation.events.internal.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A feed's text as ical4j reads it, for the JSON resource's tests in another package. */
public final class IcalFeed {

    private final Ical ical;

    private IcalFeed(Ical ical) {
        this.ical = ical;
    }

    public static IcalFeed parse(String body) {
        return new IcalFeed(Ical.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    public String method() {
        return ical.method();
    }

    public List<String> summaries() {
        return ical.events().stream().map(e -> e.get("SUMMARY")).toList();
    }

    public Map<String, String> event(int index) {
        return ical.events().get(index);
    }

    /** The entries with this UID: one, or none where the feed has no such entry. */
    public List<Map<String, String>> withUid(String uid) {
        return ical.events().stream().filter(e -> uid.equals(e.get("UID"))).toList();
    }

    public void isValid() {
        ical.isValid();
    }
}
