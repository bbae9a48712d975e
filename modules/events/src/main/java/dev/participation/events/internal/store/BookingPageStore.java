package dev.participation.events.internal.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.events.api.ManageLink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The address of a booking's own page, learned from the host.
 *
 * <p>Only a host can say how one of its pages addresses a widget (the embedded portal and Liferay
 * each put their own namespace on the widget's parameters), and a staff page is not the widget's
 * page. So the events widget tells this store, whenever it is shown, what its booking page's
 * address looks like; the store keeps it in the database, for every node and across restarts, and
 * writes only when it changes. Emails about bookings staff make then link to the same page as a
 * visitor's own confirmation.
 */
@Component(service = BookingPageStore.class)
public final class BookingPageStore {

    /** Stands for the booking's secret in a learned address; letters only, so no host encodes it. */
    public static final String TOKEN = "BOOKINGTOKEN";

    private final Storage storage;
    private final Clock clock;
    private volatile String known;

    @Activate
    public BookingPageStore(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Remembers the booking page's address, with {@link #TOKEN} where the secret goes. */
    public void learn(String address) {
        Objects.requireNonNull(address, "address");
        if (address.equals(known) || !address.contains(TOKEN) || address.length() > 2000) {
            return;
        }
        storage.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE event_booking_page SET address = ?, learned_at = ? WHERE id = 1")) {
                update.setString(1, address);
                Sql.setInstant(update, 2, clock.instant());
                if (update.executeUpdate() == 0) {
                    storage.dialect().insertIfAbsent(connection,
                            "INSERT INTO event_booking_page (id, address, learned_at) VALUES (1, ?, ?)", insert -> {
                                insert.setString(1, address);
                                Sql.setInstant(insert, 2, clock.instant());
                            });
                }
            }
            return null;
        });
        known = address;
    }

    /** The booking page's address with {@link #TOKEN} in it, once the widget has been shown anywhere. */
    public Optional<String> address() {
        String address = known;
        if (address != null) {
            return Optional.of(address);
        }
        Optional<String> stored = storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT address FROM event_booking_page WHERE id = 1"); ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        });
        stored.ifPresent(a -> known = a);
        return stored;
    }

    /** Links to the learned booking page; {@code fallback} (a page without the booking) until there is one. */
    public ManageLink link(String fallback) {
        return token -> address().map(a -> a.replace(TOKEN, URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .orElse(fallback);
    }
}
