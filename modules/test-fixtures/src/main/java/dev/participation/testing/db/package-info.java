/**
 * Runs a store test on both databases the portal supports: annotate the test methods with
 * {@link StoreTest}, name the widget's schema with {@link OwnSchema}, and take a
 * {@link TestStorage} in a {@code @BeforeEach} method or the test itself. Each test runs once on H2
 * in memory and once in a fresh PostgreSQL schema, each migrated with the platform's scripts and
 * the widget's own, exactly as the portal's schema extender would.
 *
 * <p>PostgreSQL is expected at {@code jdbc:postgresql://127.0.0.1:5432/test} as user
 * {@code postgres} (or {@code PARTICIPATION_TEST_POSTGRES_URL}). Without it the PostgreSQL runs are
 * skipped with a message saying how to start it, except in CI ({@code CI=true}), where they fail.
 */
package dev.participation.testing.db;
