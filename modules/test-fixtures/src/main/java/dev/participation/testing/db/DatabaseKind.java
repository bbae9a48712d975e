package dev.participation.testing.db;

import dev.participation.api.storage.Dialect;

/** The two databases every query must run on. */
public enum DatabaseKind {

    H2("H2", Dialect.H2),
    POSTGRESQL("PostgreSQL", Dialect.POSTGRESQL);

    private final String displayName;
    private final Dialect dialect;

    DatabaseKind(String displayName, Dialect dialect) {
        this.displayName = displayName;
        this.dialect = dialect;
    }

    public String displayName() {
        return displayName;
    }

    public Dialect dialect() {
        return dialect;
    }
}
