package dev.participation.pledge.internal.authoring;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.StaffRequest;

/** A staff request as the embedded portal makes one: no namespace, links below /intranet/<key>/. */
final class FakeStaffRequest implements StaffRequest {

    static final CsrfField CSRF = new CsrfField("_csrf", "token-123");

    private final String key;
    private final String path;
    private final Person person;
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();

    private FakeStaffRequest(String key, String path, Person person) {
        this.key = key;
        this.path = path;
        this.person = person;
    }

    static FakeStaffRequest editor(String path) {
        return new FakeStaffRequest(PledgeAuthoringPage.KEY, path,
                new Person("edith", "Edith Editor", Set.of("editor")));
    }

    /** An editor on the evidence pages, who may approve what staff added. */
    static FakeStaffRequest evidenceEditor(String path) {
        return new FakeStaffRequest(PledgeEvidencePage.KEY, path,
                new Person("edith", "Edith Editor", Set.of("editor")));
    }

    static FakeStaffRequest staff(String path) {
        return new FakeStaffRequest(PledgeEvidencePage.KEY, path,
                new Person("sam", "Sam Staff", Set.of("staff")));
    }

    FakeStaffRequest with(String name, String value) {
        parameters.put(name, List.of(value));
        return this;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<Person> person() {
        return Optional.of(person);
    }

    @Override
    public Locale locale() {
        return Locale.UK;
    }

    @Override
    public ZoneId timeZone() {
        return ZoneId.of("Europe/London");
    }

    @Override
    public Map<String, List<String>> parameters() {
        return parameters;
    }

    @Override
    public String namespace() {
        return "";
    }

    @Override
    public CsrfField csrf() {
        return CSRF;
    }

    @Override
    public Links links() {
        return new Links() {
            @Override
            public String view(Map<String, String> params) {
                StringJoiner query = new StringJoiner("&", action() + "?", "");
                params.forEach((k, v) -> query.add(k + "=" + v));
                return params.isEmpty() ? action() : query.toString();
            }

            @Override
            public String action() {
                return page() + path;
            }

            @Override
            public String page() {
                return "/intranet/" + key + "/";
            }

            @Override
            public String asset(String file) {
                return "/assets/s/" + key + "/" + file;
            }
        };
    }

    @Override
    public Optional<Message> notice() {
        return Optional.empty();
    }
}
