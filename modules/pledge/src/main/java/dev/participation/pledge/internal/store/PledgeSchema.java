package dev.participation.pledge.internal.store;

import dev.participation.api.storage.Storage;

/**
 * The pledge widget's own schema: its tables and the scripts in {@code db/pledge/} that make them.
 * The first two are the platform's former V002 and V003, word for word, so a database made by an
 * earlier release hands them over without running them again.
 */
final class PledgeSchema {

    static final String NAME = "pledge";

    /** Selects the storage service registered once this schema is migrated. */
    static final String STORAGE = "(" + Storage.SCHEMA + "=" + NAME + ")";

    private PledgeSchema() {
    }
}
