package dev.participation.testing;

import java.util.Map;
import java.util.StringJoiner;

import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.StaffRequest;

/**
 * A request to a staff page as the embedded portal makes one: no namespace, links below
 * {@code /intranet/<key>/}, always someone signed in. For example
 * {@code FakeStaffRequest.to("pledges", "12/details").as(People.EDITOR).with("title", "Our pledge")}.
 */
public final class FakeStaffRequest extends FakeRequestBase<FakeStaffRequest> implements StaffRequest {

    /** The CSRF field every fake request carries. */
    public static final CsrfField CSRF = new CsrfField("_csrf", "token-123");

    private final String key;
    private final String path;

    private FakeStaffRequest(String key, String path) {
        this.key = key;
        this.path = path;
        as(People.STAFF);
    }

    /**
     * @param key  the staff page's key
     * @param path the path below the page, without a leading slash; staff are signed in until {@link #as} says otherwise
     */
    public static FakeStaffRequest to(String key, String path) {
        return new FakeStaffRequest(key, path);
    }

    public static FakeStaffRequest to(String key, String path, Person signedIn) {
        return new FakeStaffRequest(key, path).as(signedIn);
    }

    @Override
    FakeStaffRequest self() {
        return this;
    }

    @Override
    public String path() {
        return path;
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
}
