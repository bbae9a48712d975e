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
 * they had a place stay, so the council can still count who came.
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
    }

    private final Storage storage;
    private final Clock clock;
    private final Duration keptFor;

    @Activate
    public BookingRetention(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference Clock clock,
            Config config) {
        this.storage = storage;
        this.clock = clock;
        this.keptFor = Duration.ofDays(Math.max(0, config.keptDays()));
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

    @Override
    public int apply(Instant cutoff) {
        String due = "SELECT b.id FROM event_booking b JOIN event_session s ON s.id = b.session_id"
                + " WHERE s.ends_at <= ? AND b.anonymised_at IS NULL";
        return storage.write(connection -> {
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
                return bookings.executeUpdate();
            }
        });
    }
}
