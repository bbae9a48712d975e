package dev.participation.groups.internal.requests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.kit.i18n.Messages;

/**
 * A group's requests as CSV (RFC 4180: comma separated, CRLF line ends, quoted where needed). A
 * cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
 * return) starts with an apostrophe instead, so opening the export never runs what someone typed.
 */
final class RequestCsv {

    static final String[] HEADINGS = {"id", "asked", "respondBy", "status", "declineReason", "firstName", "age",
            "reach", "email", "phone", "adultName", "adultRole", "adultContact", "help", "consentName",
            "consentRole"};

    private RequestCsv() {
    }

    static String write(List<JoinRequest> requests, ZoneId zone, Messages words) {
        StringBuilder csv = new StringBuilder();
        String[] headings = new String[HEADINGS.length];
        for (int i = 0; i < HEADINGS.length; i++) {
            headings[i] = words.get("requests.csv." + HEADINGS[i]);
        }
        line(csv, headings);
        for (JoinRequest r : requests) {
            JoinAsk a = r.ask();
            line(csv, Long.toString(r.id()), r.askedAt().atZone(zone).toLocalDate().toString(),
                    r.respondBy().toString(), words.get("requests.status." + r.status().code()), r.declineReason(),
                    a.firstName(), Integer.toString(a.age()), r.erased() || a.reach() == null ? ""
                            : words.get("requests.reach." + a.reach().code()),
                    a.email(), a.phone(), a.adultName(),
                    a.adultRole() == null ? "" : words.get("join.adultRole." + a.adultRole().code()),
                    a.adultContact(), a.help(), a.consentName(),
                    a.consentRole() == null ? "" : words.get("requests.consentRole." + a.consentRole().code()));
        }
        return csv.toString();
    }

    /** A link that downloads the CSV without another request to the portal. */
    static String dataUri(String csv) {
        return "data:text/csv;charset=utf-8," + URLEncoder.encode(csv, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
