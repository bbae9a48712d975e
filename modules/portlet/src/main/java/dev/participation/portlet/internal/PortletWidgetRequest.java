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
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetRequest;

/** A widget request as the portlet assembled it from a portlet request; plain values only. */
record PortletWidgetRequest(String instanceId, Preferences preferences, Optional<Person> person, Locale locale,
        ZoneId timeZone, Map<String, List<String>> parameters, String namespace, CsrfField csrf, Links links,
        Optional<Message> notice) implements WidgetRequest {

    PortletWidgetRequest {
        parameters = Map.copyOf(parameters);
    }
}
