package dev.participation.groups.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.WhoFor;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;

/**
 * Maps a group to an Open Referral UK 3.0 service. Built from {@link PublicGroup} (a {@link Group}
 * is turned into its public view first), so the staff manager never reaches the feed; the only
 * contact is the council's public one, when configured.
 *
 * <p>How the model maps: membership open or waiting list is {@code active} (a waiting list is also
 * an {@code alert}), closed is {@code temporarily closed}, since no one new can join; ages and school
 * years become {@code minimum_age}/{@code maximum_age}; who it is for becomes attributes linking
 * eligibility taxonomy terms; the meeting time one schedule; the area a service area; the venue a
 * physical location with its access information, and meeting online a virtual location; the last
 * review the {@code assured_date}. The venue has no postal address in the model, so locations carry
 * none.
 */
final class OpenReferralServices {

    static final String TAXONOMY = "participation-group-eligibility";
    private static final Pattern HTTPS = Pattern.compile("https://[^\\s{}]+\\{slug\\}[^\\s{}]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final LanguageBundles WORDS = new LanguageBundles(OpenReferralServices.class,
            "dev/participation/groups/json/Language", "dev/participation/groups/shared/Language");

    private final String pageAddress;
    private final String contactName;
    private final String contactEmail;

    /** Settings that are not usable (an address without https or {slug}, a malformed email) are left out. */
    OpenReferralServices(String pageAddress, String contactName, String contactEmail) {
        this.pageAddress = pageAddress != null && HTTPS.matcher(pageAddress.strip()).matches() ? pageAddress.strip()
                : "";
        this.contactName = contactName == null ? "" : contactName.strip();
        this.contactEmail = contactEmail != null && EMAIL.matcher(contactEmail.strip()).matches()
                ? contactEmail.strip() : "";
    }

    /** The stable id of the group at this address: a name-based UUID, the same on every node. */
    static UUID serviceId(String slug) {
        return id("service", slug);
    }

    private static UUID id(String kind, String name) {
        return UUID.nameUUIDFromBytes(("dev.participation.groups/" + kind + "/" + name)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The one-to-one fields, for {@code /services} (the standard's {@code service_list}). */
    Map<String, Object> summary(PublicGroup g, Locale locale) {
        Messages words = words(locale);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", serviceId(g.slug()).toString());
        s.put("name", g.name());
        s.put("description", g.description().isBlank() ? g.summary() : g.summary() + "\n\n" + g.description());
        if (!pageAddress.isEmpty()) {
            s.put("url", pageAddress.replace("{slug}", g.slug()));
        }
        if (!contactEmail.isEmpty()) {
            s.put("email", contactEmail);
        }
        s.put("status", g.membership() == Membership.CLOSED ? "temporarily closed" : "active");
        WhoFor who = g.whoFor();
        if (who.youngest() != null || who.firstYear() != null) {
            s.put("minimum_age", who.youngestFitting());
        }
        if (who.oldest() != null || who.lastYear() != null) {
            s.put("maximum_age", who.oldestFitting());
        }
        if (g.lastReviewed() != null) {
            s.put("assured_date", g.lastReviewed().toString());
        }
        if (g.membership() != null && g.membership() != Membership.OPEN) {
            s.put("alert", words.get("groups.oruk.alert." + g.membership().key()));
        }
        return s;
    }

    /** Everything, for {@code /services/{id}}. */
    Map<String, Object> full(Group group, Locale locale) {
        PublicGroup g = group.publicView();
        Messages words = words(locale);
        String serviceId = serviceId(g.slug()).toString();
        Map<String, Object> s = summary(g, locale);
        s.put("last_modified", group.updatedAt().toString());
        s.put("schedules", schedules(g, serviceId, words));
        s.put("service_areas", serviceAreas(g, serviceId));
        s.put("service_at_locations", locations(g, serviceId, words));
        s.put("contacts", contacts(g, serviceId));
        s.put("attributes", eligibility(g, serviceId, words));
        return s;
    }

    private static List<Map<String, Object>> schedules(PublicGroup g, String serviceId, Messages words) {
        if (g.meetings().when().isBlank()) {
            return List.of();
        }
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("id", id("schedule", g.slug()).toString());
        schedule.put("service_id", serviceId);
        schedule.put("description", g.meetings().when());
        if (g.place().attendance() != null) {
            schedule.put("attending_type", words.get("groups.attendance." + g.place().attendance().key()));
        }
        if (g.meetings().termTimeOnly()) {
            schedule.put("notes", words.get("groups.oruk.termTimeOnly"));
        }
        return List.of(schedule);
    }

    private static List<Map<String, Object>> serviceAreas(PublicGroup g, String serviceId) {
        if (g.place().area().isBlank()) {
            return List.of();
        }
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("id", id("service-area", g.slug()).toString());
        area.put("service_id", serviceId);
        area.put("name", g.place().area());
        return List.of(area);
    }

    private static List<Map<String, Object>> locations(PublicGroup g, String serviceId, Messages words) {
        List<Map<String, Object>> locations = new ArrayList<>();
        Attendance attendance = g.place().attendance();
        if (!g.place().venue().isBlank() && attendance != Attendance.ONLINE) {
            Map<String, Object> location = new LinkedHashMap<>();
            String locationId = id("venue", g.slug()).toString();
            location.put("id", locationId);
            location.put("location_type", "physical");
            location.put("name", g.place().venue());
            if (!g.place().area().isBlank()) {
                location.put("description", g.place().area());
            }
            if (!g.accessibility().isBlank()) {
                Map<String, Object> access = new LinkedHashMap<>();
                access.put("id", id("venue-access", g.slug()).toString());
                access.put("location_id", locationId);
                access.put("description", g.accessibility());
                location.put("accessibility", List.of(access));
            }
            locations.add(at("venue", g.slug(), serviceId, location));
        }
        if (attendance == Attendance.ONLINE || attendance == Attendance.BOTH) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("id", id("online", g.slug()).toString());
            location.put("location_type", "virtual");
            location.put("name", words.get("groups.oruk.online"));
            locations.add(at("online", g.slug(), serviceId, location));
        }
        return locations;
    }

    private static Map<String, Object> at(String kind, String slug, String serviceId, Map<String, Object> location) {
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("id", id("service-at-" + kind, slug).toString());
        at.put("service_id", serviceId);
        at.put("location_id", location.get("id"));
        at.put("location", location);
        return at;
    }

    private List<Map<String, Object>> contacts(PublicGroup g, String serviceId) {
        if (contactName.isEmpty()) {
            return List.of();
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        // One council contact for every group: its id is the same wherever it appears.
        contact.put("id", id("contact", contactName).toString());
        contact.put("service_id", serviceId);
        contact.put("name", contactName);
        return List.of(contact);
    }

    private static List<Map<String, Object>> eligibility(PublicGroup g, String serviceId, Messages words) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Eligibility e : g.whoFor().eligibility()) {
            Map<String, Object> term = new LinkedHashMap<>();
            term.put("id", id("taxonomy-term", e.key()).toString());
            term.put("name", words.get("groups.eligibility." + e.key()));
            term.put("description", words.get("groups.oruk.eligibility.description",
                    words.get("groups.eligibility." + e.key())));
            term.put("taxonomy", TAXONOMY);
            term.put("term", e.key());
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("id", id("attribute", g.slug() + "/" + e.key()).toString());
            attribute.put("link_id", serviceId);
            attribute.put("taxonomy_term_id", term.get("id"));
            attribute.put("link_type", "eligibility");
            attribute.put("taxonomy_term", term);
            attributes.add(attribute);
        }
        return attributes;
    }

    private static Messages words(Locale locale) {
        return Messages.of(locale, WORDS.forLocale(locale));
    }
}
