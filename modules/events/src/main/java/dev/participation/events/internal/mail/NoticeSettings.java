package dev.participation.events.internal.mail;

import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the calendar files in event mail say about who sends them. The time zone dates are written
 * in is not here: it is the participation clock's ({@code dev.participation.clock}), the one
 * setting every date on the portal follows, so a mail never shows a different time from the page.
 */
@Component(service = NoticeSettings.class, configurationPid = NoticeSettings.PID)
@Designate(ocd = NoticeSettings.Config.class)
public final class NoticeSettings {

    public static final String PID = "dev.participation.events.mail";

    @ObjectClassDefinition(name = "Participation events: mail and calendar files",
            description = "How the calendar files sent with event confirmations name their sessions and sender.")
    public @interface Config {

        @AttributeDefinition(name = "Calendar domain",
                description = "The council's web domain, such as www.council.gov.uk: each session's calendar entry is"
                        + " named event-session-<id>@<domain>, which must never change once files have been sent.")
        String calendarDomain() default "participation.invalid";

        @AttributeDefinition(name = "Organiser address",
                description = "The mail address calendar invitations come from; usually the From address of the"
                        + " portal's mail (dev.participation.mail).")
        String organiser() default "no-reply@example.org";
    }

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private final String calendarDomain;
    private final String organiser;

    @Activate
    public NoticeSettings(Config config) {
        this(config.calendarDomain(), config.organiser());
    }

    public NoticeSettings(String calendarDomain, String organiser) {
        String domain = calendarDomain == null ? "" : calendarDomain.strip();
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException(PID + ": calendarDomain '" + calendarDomain
                    + "' is not a domain name such as www.council.gov.uk");
        }
        this.calendarDomain = domain;
        this.organiser = organiser == null ? "" : organiser.strip();
    }

    /** The settings of a portal nobody has configured yet. */
    public static NoticeSettings defaults() {
        return new NoticeSettings("participation.invalid", "no-reply@example.org");
    }

    /** The calendar entry's name for a session, the same in every file sent about it. */
    public String uid(long sessionId) {
        return "event-session-" + sessionId + "@" + calendarDomain;
    }

    public String organiser() {
        return organiser;
    }
}
