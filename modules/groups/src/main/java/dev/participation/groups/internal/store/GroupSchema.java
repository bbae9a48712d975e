package dev.participation.groups.internal.store;

import dev.participation.api.storage.Storage;

/**
 * The groups bundle's own schema: its tables and the scripts in {@code db/groups/} that make them.
 * Public so the join requests' store (another package of this bundle) waits for the same migration.
 */
public final class GroupSchema {

    public static final String NAME = "groups";

    /** Selects the storage service registered once this schema is migrated. */
    public static final String STORAGE = "(" + Storage.SCHEMA + "=" + NAME + ")";

    private GroupSchema() {
    }
}
