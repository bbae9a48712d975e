package dev.participation.groups.internal.store;

import dev.participation.api.storage.Storage;

/** The groups bundle's own schema: its tables and the scripts in {@code db/groups/} that make them. */
final class GroupSchema {

    static final String NAME = "groups";

    /** Selects the storage service registered once this schema is migrated. */
    static final String STORAGE = "(" + Storage.SCHEMA + "=" + NAME + ")";

    private GroupSchema() {
    }
}
