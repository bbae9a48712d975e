package dev.participation.host.internal.site;

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

/**
 * What a widget instance is given to render or to handle a post. The host shows one-off notices
 * itself at the top of the page (the GOV.UK notification banner's place), so {@code notice} is
 * always empty here and no notice is shown twice.
 */
record InstanceRequest(Optional<Person> person, Locale locale, ZoneId timeZone, Map<String, List<String>> parameters,
        String namespace, CsrfField csrf, Links links, Optional<Message> notice, String instanceId,
        Preferences preferences, Optional<String> clientAddress) implements WidgetRequest {
}
