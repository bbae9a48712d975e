package dev.participation.portlet.internal;

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

/**
 * A staff page request as the staff portlet assembled it from a portlet request; plain values
 * only. Notices are drawn by the portlet above the screen, as the embedded portal's layout does,
 * so none is passed on.
 */
record PortletStaffRequest(Optional<Person> person, Locale locale, ZoneId timeZone,
        Map<String, List<String>> parameters, String namespace, CsrfField csrf, Links links, String path)
        implements StaffRequest {

    PortletStaffRequest {
        parameters = Map.copyOf(parameters);
    }

    @Override
    public Optional<Message> notice() {
        return Optional.empty();
    }
}
