package dev.participation.events.internal.store;

import java.time.Clock;

import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The alerts sent about sessions filling up, in {@code event_session_alert}: one row per session
 * and threshold, claimed in the same transaction as the mail is queued, so an alert is sent once
 * however many nodes run the job.
 */
@Component(service = SessionAlertStore.class)
public final class SessionAlertStore {

    /** Queues the alert's mail inside the transaction that claimed it. */
    @FunctionalInterface
    public interface Sending {
        void send();
    }

    private final Storage storage;
    private final Clock clock;

    @Activate
    public SessionAlertStore(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Records that the alert for {@code threshold} per cent was sent and runs {@code sending}, unless
     * it was recorded before; both commit together or not at all.
     *
     * @return whether it was sent now
     */
    public boolean claim(long sessionId, int threshold, int placesTaken, int capacity, Sending sending) {
        return storage.write(connection -> {
            boolean claimed = storage.dialect().insertIfAbsent(connection, "INSERT INTO event_session_alert"
                    + " (session_id, threshold, places_taken, capacity, sent_at) VALUES (?, ?, ?, ?, ?)", insert -> {
                        insert.setLong(1, sessionId);
                        insert.setInt(2, threshold);
                        insert.setInt(3, placesTaken);
                        insert.setInt(4, capacity);
                        Sql.setInstant(insert, 5, clock.instant());
                    });
            if (claimed) {
                sending.send();
            }
            return claimed;
        });
    }
}
