package dev.participation.service.internal.protection;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.protection.GuardFields;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;

/** A public visitor's post of a protected form, as a host hands it over. */
record PostedForm(Map<String, List<String>> parameters, Optional<String> clientAddress) implements HostRequest {

    /** The form as a person sends it: what they typed, the guard's fields as drawn, the honeypot empty. */
    static PostedForm of(GuardFields fields, String address, String... typed) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (int i = 0; i < typed.length; i += 2) {
            parameters.put(typed[i], List.of(typed[i + 1]));
        }
        parameters.put(fields.honeypotName(), List.of(""));
        parameters.put(fields.tokenName(), List.of(fields.token()));
        return new PostedForm(parameters, Optional.ofNullable(address));
    }

    PostedForm with(String name, String value) {
        Map<String, List<String>> changed = new HashMap<>(parameters);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, List.of(value));
        }
        return new PostedForm(changed, clientAddress);
    }

    @Override
    public Optional<Person> person() {
        return Optional.empty();
    }

    @Override
    public Locale locale() {
        return Locale.UK;
    }

    @Override
    public java.time.ZoneId timeZone() {
        return java.time.ZoneId.of("Europe/London");
    }

    @Override
    public String namespace() {
        return "";
    }

    @Override
    public CsrfField csrf() {
        return new CsrfField("csrf", "token");
    }

    @Override
    public Links links() {
        throw new UnsupportedOperationException("The guard never links");
    }

    @Override
    public Optional<Message> notice() {
        return Optional.empty();
    }
}
