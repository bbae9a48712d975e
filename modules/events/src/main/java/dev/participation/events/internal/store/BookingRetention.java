package dev.participation.events.internal.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.participation.api.retention.RetentionRule;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Bookings lose their personal data a while after their session ends: names, contact details,
 * needs and who gave permission are blanked, while the number of people, their ages and whether
 * they had a place stay, so the council can still count who came. A residential event's emergency
 * contacts, medical notes and photo permission go much sooner: they matter only while the young
 * people are away.
 */
@Component(service = RetentionRule.class, configurationPid = BookingRetention.PID)
@Designate(ocd = BookingRetention.Config.class)
public final class BookingRetention implements RetentionRule {

    public static final String PID = "dev.participation.retention.event-bookings";

    @ObjectClassDefinition(name = "Participation retention: event bookings",
            description = "How long the personal data of an event's bookings is kept after the session ends.")
    public @interface Config {

        @AttributeDefinition(name = "Kept after the session ends (days)", min = "0", max = "3650")
        int keptDays() default 90;

        @AttributeDefinition(name = "Residential details kept after the session ends (days)",
                description = "Emergency contacts, medical notes and photo permission of a residential event are"
                        + " needed only while the young people are away; they are erased this many days after the"
                        + " session ends, sooner than the rest of the booking.", min = "0", max = "3650")
        int residentialKeptDays() default 7;
    }

    private final Storage storage;
    private final Clock clock;
    private final Duration keptFor;
    private final Duration residentialKeptFor;

    @Activate
    public BookingRetention(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference Clock clock,
            Config config) {
        this.storage = storage;
        this.clock = clock;
        this.keptFor = Duration.ofDays(Math.max(0, config.keptDays()));
        // Never longer than the booking itself: the booking's erasure blanks them anyway.
        this.residentialKeptFor = Duration.ofDays(Math.max(0, Math.min(config.residentialKeptDays(),
                config.keptDays())));
    }

    @Override
    public String recordType() {
        return SignUpStore.RECORD_TYPE;
    }

    @Override
    public Duration keptFor() {
        return keptFor;
    }

    @Override
    public String keptFrom() {
        return "the session ended";
    }

    @Override
    public Treatment treatment() {
        return Treatment.ANONYMISE;
    }

    /** How long a residential event's emergency contacts, medical notes and photo permission are kept. */
    Duration residentialKeptFor() {
        return residentialKeptFor;
    }

    /**
     * Also erases residential details of sessions that ended {@link #residentialKeptFor} before the
     * moment {@code cutoff} was counted from; each attendee row changed counts once, like each booking.
     */
    @Override
    public int apply(Instant cutoff) {
        String due = "SELECT b.id FROM event_booking b JOIN event_session s ON s.id = b.session_id"
                + " WHERE s.ends_at <= ? AND b.anonymised_at IS NULL";
        Instant residentialCutoff = cutoff.plus(keptFor).minus(residentialKeptFor);
        return storage.write(connection -> {
            int erased;
            try (PreparedStatement residential = connection.prepareStatement("UPDATE event_attendee SET"
                    + " emergency_name = NULL, emergency_phone = NULL, medical_notes = NULL, photos = NULL"
                    + " WHERE emergency_name IS NOT NULL AND booking_id IN (SELECT b.id FROM event_booking b"
                    + " JOIN event_session s ON s.id = b.session_id WHERE s.ends_at <= ?)")) {
                Sql.setInstant(residential, 1, residentialCutoff);
                erased = residential.executeUpdate();
            }
            try (PreparedStatement attendees = connection.prepareStatement("UPDATE event_attendee SET first_name = '',"
                    + " access_needs = '', dietary_needs = '', consent_by = NULL, consent_role = NULL"
                    + " WHERE booking_id IN (" + due + ")")) {
                Sql.setInstant(attendees, 1, cutoff);
                attendees.executeUpdate();
            }
            try (PreparedStatement bookings = connection.prepareStatement("UPDATE event_booking SET booker_name = '',"
                    + " organisation = '', contact_adult = '', contact_email = '', contact_phone = '',"
                    + " anonymised_at = ? WHERE id IN (" + due + ")")) {
                Sql.setInstant(bookings, 1, clock.instant());
                Sql.setInstant(bookings, 2, cutoff);
                return erased + bookings.executeUpdate();
            }
        });
    }
}
