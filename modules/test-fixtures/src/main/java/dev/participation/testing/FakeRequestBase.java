package dev.participation.testing;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;

/** What both fake requests carry and how a test sets it, in one line each. */
abstract class FakeRequestBase<T extends FakeRequestBase<T>> implements HostRequest {

    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private Optional<Person> person = Optional.empty();
    private Locale locale = Locale.UK;
    private ZoneId timeZone = ZoneId.of("Europe/London");
    private String namespace = "";
    private Optional<Message> notice = Optional.empty();

    abstract T self();

    /** Adds a request parameter, as the host passes it on (already stripped of any namespace). */
    public T with(String name, String value) {
        parameters.put(name, List.of(value));
        return self();
    }

    /** A parameter sent several times, as a GET form sends ticked checkboxes of one name. */
    public T withAll(String name, String... values) {
        parameters.put(name, List.of(values));
        return self();
    }

    public T as(Person signedIn) {
        this.person = Optional.of(signedIn);
        return self();
    }

    public T in(Locale language) {
        this.locale = language;
        return self();
    }

    /** The time zone the host says the person is in; Europe/London by default. */
    public T at(ZoneId zone) {
        this.timeZone = zone;
        return self();
    }

    /** The prefix form fields carry, as a portlet host gives it; empty by default. */
    public T namespaced(String prefix) {
        this.namespace = prefix;
        return self();
    }

    /** A notice carried across a redirect, to be shown once. */
    public T notice(Message message) {
        this.notice = Optional.of(message);
        return self();
    }

    @Override
    public Optional<Person> person() {
        return person;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public ZoneId timeZone() {
        return timeZone;
    }

    @Override
    public Map<String, List<String>> parameters() {
        return parameters;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public CsrfField csrf() {
        return FakeStaffRequest.CSRF;
    }

    @Override
    public Optional<Message> notice() {
        return notice;
    }
}
