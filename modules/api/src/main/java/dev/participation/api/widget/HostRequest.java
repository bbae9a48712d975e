package dev.participation.api.widget;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What every host passes to a widget or staff page: who is asking, in which language, with what. */
@ProviderType
public interface HostRequest {

    /** The signed-in person, or empty for a public visitor. */
    Optional<Person> person();

    Locale locale();

    /**
     * The time zone to show dates and times in: the person's own where the host knows it (a
     * portal user's setting), else the portal's configured zone.
     *
     * @since 2.0
     */
    ZoneId timeZone();

    /** This request's parameters meant for the widget, already stripped of any host namespace. */
    Map<String, List<String>> parameters();

    default Optional<String> parameter(String name) {
        List<String> values = parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /**
     * The prefix a form field's {@code name} needs so the host passes it back in
     * {@link #parameters()}; empty where the host does not namespace.
     */
    String namespace();

    /** The hidden field every form posting back must carry: its name and value. */
    CsrfField csrf();

    /** How to link to this view again, and where to post. */
    Links links();

    /**
     * A one-off notice to show once, carried by the host across a post-redirect-get (for example
     * "Your changes were saved").
     */
    Optional<Message> notice();

    /**
     * The visitor's network address as the host sees it (behind a trusted proxy, the address the
     * proxy vouches for), for limits such as a public form's posts per address; empty where the
     * host cannot tell (a portlet container). Personal data: use it, never keep it.
     *
     * @since 1.3
     */
    default Optional<String> clientAddress() {
        return Optional.empty();
    }
}
