package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the event sign-up tests share: a portal's {@code configs/} (a chosen administrator
 * password, a public form guard that lets a crowd from 127.0.0.1 through, mail to a test SMTP
 * server, a PostgreSQL database of its own), an event made and published through the editors'
 * pages, the public sign-up form reached as a visitor reaches it, and the staff session page
 * read back as numbers and booking cards.
 */
final class EventFixtures {

    private static final Pattern WAITING = Pattern.compile("number (\\d+) on the waiting list");
    private static final Pattern STAFF_WAITING = Pattern.compile("Waiting list, number (\\d+)");
    private static final Pattern TAKEN = Pattern.compile("(\\d+) of (\\d+) taken, (\\d+) left");

    private EventFixtures() {
    }

    // ---- configs/ -------------------------------------------------------------------------------

    /** configs/dev.participation.accounts.config with the hash PasswordHashCommand would print. */
    static void chooseAdminPassword(Path portalDir, String password) throws IOException, GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 210_000;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        Files.writeString(configs(portalDir).resolve("dev.participation.accounts.config"),
                "adminPasswordHash=\"pbkdf2-sha256$" + iterations + "$" + base64.encodeToString(salt) + "$"
                        + base64.encodeToString(hash) + "\"\n");
    }

    /**
     * The public form guard as a test needs it: no minimum fill time (a program fills forms at
     * once) and limits far above a rush of 200, since every request comes from 127.0.0.1.
     */
    static void letTheCrowdThrough(Path portalDir) throws IOException {
        Files.writeString(configs(portalDir).resolve("dev.participation.protection.config"),
                "minimumFillSeconds=I\"0\"\npostsPerAddress=I\"100000\"\npostsOverall=I\"100000\"\n");
    }

    /** The portal's mail goes to a test SMTP server, polled every second. */
    static void sendMailTo(Path portalDir, int smtpPort) throws IOException {
        Files.writeString(configs(portalDir).resolve("dev.participation.mail.config"), "host=\"127.0.0.1\"\nport=I\""
                + smtpPort + "\"\ntls=\"none\"\npollSeconds=I\"1\"\nfromAddress=\"participation@council.example\"\n");
    }

    private static Path configs(Path portalDir) throws IOException {
        return Files.createDirectories(portalDir.resolve("configs"));
    }

    // ---- staff and editors ----------------------------------------------------------------------

    static Visitor signIn(Portal portal, String password) {
        Visitor admin = new Visitor(portal);
        HttpResponse<String> signedIn = admin.signIn("admin", password);
        assertThat(signedIn.statusCode()).as("the administrator signs in: " + signedIn.body()).isEqualTo(303);
        return admin;
    }

    /** An event published through the editors' pages, with its one session. */
    record PublishedEvent(long id, String title, String slug, long sessionId) {
    }

    /**
     * Adds an event for ages 11 to 25 with one session a month ahead, sign-up open from
     * yesterday until the day before, places given from the waiting list straight away, then
     * publishes it after being asked.
     */
    static PublishedEvent publishEvent(Visitor editor, String title, int capacity, String place) {
        LocalDate today = LocalDate.now();
        LocalDate day = today.plusDays(30);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("slug", "");
        typed.put("description", "An afternoon to talk about what matters to you, with food.");
        typed.put("type", "forum");
        typed.put("youngest", "11");
        typed.put("oldest", "25");
        typed.put("tags", "test");
        typed.put("access", "Step-free entrance.");
        date(typed, "signUpOpens", today.minusDays(1), "09:00");
        date(typed, "signUpCloses", day.minusDays(1), "17:00");
        typed.put("consentAge", "13");
        typed.put("promotion.mode", "automatic");
        typed.put("promotion.offerHours", "48");
        typed.put("promotion.stopsHoursBefore", "2");
        typed.put("label", "");
        date(typed, "start", day, "14:00");
        date(typed, "end", day, "16:30");
        typed.put("capacity", Integer.toString(capacity));
        typed.put("place", place);
        typed.put("onlineLink", "");
        Element form = editor.page("/intranet/events-editing/new").selectFirst("main form[method=post]");
        assertThat(form).as("the new event form").isNotNull();
        HttpResponse<String> created = editor.submit(form, named(form, typed));
        assertThat(created.statusCode()).as("the event is added: " + created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("/intranet/events-editing/(\\d+)").matcher(location);
        assertThat(id.find()).as("the new event's address " + location).isTrue();
        long eventId = Long.parseLong(id.group(1));

        String editPath = "/intranet/events-editing/" + eventId;
        Element session = editor.page(editPath).selectFirst("main a[href*=/sessions/]:not([href$=/new])");
        assertThat(session).as("the new event's session on " + editPath).isNotNull();
        long sessionId = Long.parseLong(session.attr("href").replaceAll(".*/sessions/(\\d+).*", "$1"));
        HttpResponse<String> published = editor.submit(editPath + "/publish", "main form[method=post]", Map.of());
        assertThat(published.statusCode()).as("the event is published: " + published.body()).isEqualTo(303);
        String slug = slugOf(editor, eventId);
        return new PublishedEvent(eventId, title, slug, sessionId);
    }

    private static String slugOf(Visitor editor, long eventId) {
        Element form = editor.page("/intranet/events-editing/" + eventId).selectFirst("main form[method=post]");
        Element slug = form == null ? null : form.selectFirst("input[name$=slug]");
        if (slug != null && !slug.val().isEmpty()) {
            return slug.val();
        }
        // Once the event exists its address is shown as text under the heading "Address".
        Document page = editor.page("/intranet/events-editing/" + eventId);
        return page.select("main h3").stream().filter(h -> h.text().equals("Address"))
                .map(Element::nextElementSibling).filter(p -> p != null && p.tagName().equals("p")).map(Element::text)
                .findFirst().orElseThrow(() -> new AssertionError("no address on the event's page:\n" + page.outerHtml()));
    }

    /** Changes the session's place through its editing page (date and time unchanged). */
    static void changePlace(Visitor editor, PublishedEvent event, String place) {
        String path = "/intranet/events-editing/" + event.id() + "/sessions/" + event.sessionId();
        Element form = editor.page(path).selectFirst("main form[method=post]");
        assertThat(form).as("the session form").isNotNull();
        HttpResponse<String> saved = editor.submit(form, named(form, Map.of("place", place)));
        assertThat(saved.statusCode()).as("the session is saved: " + saved.body()).isEqualTo(303);
    }

    private static void date(Map<String, String> typed, String name, LocalDate date, String time) {
        typed.put(name + "-day", Integer.toString(date.getDayOfMonth()));
        typed.put(name + "-month", Integer.toString(date.getMonthValue()));
        typed.put(name + "-year", Integer.toString(date.getYear()));
        typed.put(name + "-time", time);
    }

    /**
     * The values keyed by the form's own field names: a widget's fields carry its namespace
     * (such as {@code w12_}), the intranet's none.
     */
    static Map<String, String> named(Element form, Map<String, String> bySuffix) {
        String prefix = prefix(form);
        Map<String, String> named = new LinkedHashMap<>();
        bySuffix.forEach((k, v) -> named.put(prefix + k, v));
        return named;
    }

    /** The namespace of a form's fields, read off a field every form here has one of. */
    static String prefix(Element form) {
        for (String known : List.of("formKey", "title", "capacity", "basis")) {
            Element field = form.selectFirst("input[name$=" + known + "]");
            if (field != null) {
                String name = field.attr("name");
                return name.substring(0, name.length() - known.length());
            }
        }
        return "";
    }

    // ---- the public side ------------------------------------------------------------------------

    /** From /events to the event's page to its session's form, as a visitor goes; the form's path. */
    static String signUpPath(Visitor visitor, PublishedEvent event) {
        Document list = visitor.page("/events");
        Element eventLink = list.selectFirst("main a[href*=event=" + event.slug() + "]");
        assertThat(eventLink).as("the event " + event.slug() + " on /events:\n" + list.select("main").html()).isNotNull();
        Document page = visitor.page(eventLink.attr("href"));
        Element formLink = page.selectFirst("main a[href*=session=" + event.sessionId() + "]");
        assertThat(formLink).as("the session's sign-up link on " + eventLink.attr("href")).isNotNull();
        return formLink.attr("href");
    }

    /** One young person of 15 signing up themselves, reached by email. */
    static Map<String, String> person(String firstName, String email) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("booker", "self");
        typed.put("p0-firstName", firstName);
        typed.put("p0-age", "15");
        typed.put("email", email);
        typed.put("do", "send");
        return typed;
    }

    /** The sign-up form on a page, or a failure showing the page. */
    static Element signUpForm(Document page) {
        Element form = page.selectFirst("main form[id$=signup-form]");
        if (form == null) {
            throw new AssertionError("No sign-up form:\n" + page.select("main").html());
        }
        return form;
    }

    /** What the confirmation page told the visitor: a place (0) or their waiting-list number. */
    static int outcome(String confirmationPage) {
        Document page = Jsoup.parse(confirmationPage);
        Element headline = page.selectFirst("main .govuk-panel__title");
        if (headline == null) {
            throw new AssertionError("No confirmation:\n" + page.select("main").html());
        }
        if (headline.text().equals("You have a place")) {
            return 0;
        }
        Matcher number = WAITING.matcher(headline.text());
        if (!number.find()) {
            throw new AssertionError("Neither a place nor a waiting number: " + headline.text());
        }
        return Integer.parseInt(number.group(1));
    }

    /** The path and query of a link, to follow it on the portal that answered rather than the public address. */
    static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The manage link in the confirmation waiting in the outbox for {@code address}, as an administrator reads it. */
    static String manageLinkInOutbox(Visitor admin, String address) {
        Document outbox = admin.page("/intranet/outbox");
        Element row = outbox.select("main tbody tr").stream()
                .filter(r -> r.select("td").size() > 2 && r.select("td").get(1).text().equals(address)
                        && r.select("td").get(2).text().startsWith("Booking confirmed"))
                .findFirst().orElseThrow(() -> new AssertionError("No confirmation to " + address + " in the outbox:\n"
                        + outbox.select("main table").text()));
        String text = admin.page(row.selectFirst("a").attr("href")).select("main").text();
        Matcher link = Pattern.compile("https?://\\S*booking=[A-Za-z0-9_%-]+").matcher(text);
        assertThat(link.find()).as("a manage link in the confirmation: " + text).isTrue();
        return link.group();
    }

    // ---- the staff session page -----------------------------------------------------------------

    /** One booking on the staff session page; {@code waitingNumber} is 0 for one holding places. */
    record Card(long id, String names, String state, int waitingNumber, String cancelPath) {
    }

    /** The staff session page as numbers and cards. */
    record StaffSession(int taken, int capacity, int left, int waiting, List<Card> places, List<Card> waitingList,
            String text) {

        List<String> placeNames() {
            return places.stream().map(Card::names).toList();
        }

        Card card(String names) {
            return java.util.stream.Stream.concat(places.stream(), waitingList.stream())
                    .filter(c -> c.names().equals(names)).findFirst()
                    .orElseThrow(() -> new AssertionError(names + " is not on the session page"));
        }
    }

    static StaffSession staffSession(Visitor staff, long sessionId) {
        HttpResponse<String> r = staff.get("/intranet/events/" + sessionId);
        assertThat(r.statusCode()).as("the staff session page").isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        Element places = page.getElementById("places");
        assertThat(places).as("the places line:\n" + page.select("main").html()).isNotNull();
        Matcher taken = TAKEN.matcher(places.text());
        assertThat(taken.find()).as("places: " + places.text()).isTrue();
        Element waitingRow = page.select("main .govuk-summary-list__row").stream()
                .filter(row -> row.selectFirst("dt") != null && row.selectFirst("dt").text().equals("Waiting"))
                .findFirst().orElseThrow(() -> new AssertionError("no Waiting row"));
        List<Card> holding = cards(page, "places-heading");
        List<Card> waiting = cards(page, "waiting-heading");
        return new StaffSession(Integer.parseInt(taken.group(1)), Integer.parseInt(taken.group(2)),
                Integer.parseInt(taken.group(3)), Integer.parseInt(waitingRow.selectFirst("dd").text().trim()), holding,
                waiting, page.select("main").text());
    }

    /** The cards after the heading with {@code headingId}, up to the next heading. */
    private static List<Card> cards(Document page, String headingId) {
        List<Card> cards = new ArrayList<>();
        Element at = page.getElementById(headingId);
        assertThat(at).as(headingId).isNotNull();
        for (Element e = at.nextElementSibling(); e != null && !e.tagName().equals("h2"); e = e.nextElementSibling()) {
            if (!e.hasClass("govuk-summary-card")) {
                continue;
            }
            String state = e.select(".govuk-summary-list__row").stream()
                    .filter(row -> row.selectFirst("dt").text().equals("Booking")).findFirst()
                    .map(row -> row.selectFirst("dd").text()).orElse("");
            Matcher number = STAFF_WAITING.matcher(state);
            Element cancel = e.selectFirst("a[href$=/cancel]");
            cards.add(new Card(Long.parseLong(e.id().replace("booking-", "")),
                    e.selectFirst(".govuk-summary-card__title").text(), state,
                    number.find() ? Integer.parseInt(number.group(1)) : 0, cancel == null ? "" : cancel.attr("href")));
        }
        return cards;
    }

    /** Staff cancel a booking on its holder's behalf, after being asked. */
    static void cancelOnBehalf(Visitor staff, Card card) {
        HttpResponse<String> cancelled = staff.submit(card.cancelPath(), "main form[method=post]", Map.of());
        assertThat(cancelled.statusCode()).as("staff cancel " + card.names() + ": " + cancelled.body()).isEqualTo(303);
    }
}
