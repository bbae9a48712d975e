package dev.participation.service.internal.storage;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every store test: each contract runs once on H2 and once on PostgreSQL (through two
 * {@code @Nested} subclasses), each test on its own freshly migrated database or schema.
 */
public abstract class DatabaseTest {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final TestDatabase.Kind kind;
    protected TestDatabase db;

    protected DatabaseTest(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    @BeforeEach
    final void openDatabase() {
        db = TestDatabase.open(kind, clock);
    }

    @AfterEach
    final void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    protected Database database() {
        return db.database();
    }
}
