package dev.participation.kit.form;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A search or filter form sent with GET, so its results have an address a person can share. A
 * browser replaces an action's query string with the form's fields, and a portal's view link keeps
 * its own state in that query string (in Liferay {@code p_p_id}, {@code p_p_lifecycle} and the
 * like), so the form cannot simply use the link as its action: the link's parameters must travel
 * as hidden fields instead. {@link #of} splits a view link ({@code Links.view}) into the two.
 *
 * @param action the link without its query string or fragment, for the form's {@code action}
 * @param hidden the link's parameters, in order, decoded, for hidden fields
 * @since 1.4
 */
public record GetForm(String action, List<Field> hidden) {

    /** One hidden field: its name and value as the browser must send them. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public GetForm {
        Objects.requireNonNull(action, "action");
        hidden = List.copyOf(hidden);
    }

    /**
     * The form for a view link. Both plain and HTML-escaped separators ({@code &amp;}) are read,
     * since a portal may give its links out already escaped for HTML.
     */
    public static GetForm of(String viewLink) {
        Objects.requireNonNull(viewLink, "viewLink");
        String link = viewLink;
        int fragment = link.indexOf('#');
        if (fragment >= 0) {
            link = link.substring(0, fragment);
        }
        int query = link.indexOf('?');
        if (query < 0) {
            return new GetForm(link, List.of());
        }
        List<Field> fields = new ArrayList<>();
        for (String pair : link.substring(query + 1).replace("&amp;", "&").split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.add(new Field(decode(name), decode(value)));
        }
        return new GetForm(link.substring(0, query), fields);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A host made this link; a stray '%' in it is best passed on as it stands.
            return text;
        }
    }
}
