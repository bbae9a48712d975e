package dev.participation.events.internal.store;

import dev.participation.api.storage.Storage;

/** The events bundle's own schema: its tables and the scripts in {@code db/events/} that make them. */
public final class EventSchema {

    public static final String NAME = "events";

    /** Selects the storage service registered once this schema is migrated. */
    static final String STORAGE = "(" + Storage.SCHEMA + "=" + NAME + ")";

    private EventSchema() {
    }
}
