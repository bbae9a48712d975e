package dev.participation.groups.internal.requests;

import java.time.ZoneId;
import java.util.List;

import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.kit.csv.CsvWriter;
import dev.participation.kit.i18n.Messages;

/**
 * A group's requests as CSV, written by the kit's {@link CsvWriter} (RFC 4180, and no cell a
 * spreadsheet would run as a formula, so opening the export never runs what someone typed).
 */
final class RequestCsv {

    static final String[] HEADINGS = {"id", "asked", "respondBy", "status", "declineReason", "firstName", "age",
            "reach", "email", "phone", "adultName", "adultRole", "adultContact", "help", "consentName",
            "consentRole"};

    private RequestCsv() {
    }

    static String write(List<JoinRequest> requests, ZoneId zone, Messages words) {
        CsvWriter csv = CsvWriter.headed(words, "requests.csv.", HEADINGS);
        for (JoinRequest r : requests) {
            JoinAsk a = r.ask();
            csv.row(Long.toString(r.id()), r.askedAt().atZone(zone).toLocalDate().toString(),
                    r.respondBy().toString(), words.get("requests.status." + r.status().code()), r.declineReason(),
                    a.firstName(), Integer.toString(a.age()), r.erased() || a.reach() == null ? ""
                            : words.get("requests.reach." + a.reach().code()),
                    a.email(), a.phone(), a.adultName(),
                    a.adultRole() == null ? "" : words.get("join.adultRole." + a.adultRole().code()),
                    a.adultContact(), a.help(), a.consentName(),
                    a.consentRole() == null ? "" : words.get("requests.consentRole." + a.consentRole().code()));
        }
        return csv.text();
    }
}
