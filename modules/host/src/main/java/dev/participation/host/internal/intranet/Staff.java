package dev.participation.host.internal.intranet;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.StaffRequest;

/** A request to a staff page. Notices are shown by the host's layout, so none is passed on. */
record Staff(Optional<Person> person, Locale locale, ZoneId timeZone, Map<String, List<String>> parameters, String namespace,
        CsrfField csrf, Links links, Optional<Message> notice, String path) implements StaffRequest {
}
