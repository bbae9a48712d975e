package dev.participation.events.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.participation.service.internal.storage.migration.BundleMigrationScripts;
import dev.participation.service.internal.storage.migration.MigrationRunner;
import dev.participation.testing.db.ClassPathScripts;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

/**
 * A database the release before V008 made starts on this one with {@code was_published} set for
 * every event the public could have seen: those published now, and a cancelled one that the public
 * signed up to. A draft, and a cancelled event only staff ever booked, stay out of the feed.
 */
class WasPublishedBackfillTest {

    private static final Clock THEN = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eventsThePublicCouldHaveSeenCountAsPublished(DatabaseKind kind) {
        try (TestStorage db = TestStorage.upgraded(kind, EventSchema.NAME, WasPublishedBackfillTest::beforeV008)) {
            assertThat(db.count("SELECT COUNT(*) FROM event WHERE was_published AND slug IN"
                    + " ('live', 'moved', 'cancelled-after-sign-ups')")).isEqualTo(3);
            assertThat(db.count("SELECT COUNT(*) FROM event WHERE NOT was_published AND slug IN"
                    + " ('draft', 'cancelled-draft', 'cancelled-staff-only')")).isEqualTo(3);
        }
    }

    /** The platform's scripts and the events schema up to V007, then six events as that release left them. */
    private static void beforeV008(DataSource empty, DatabaseKind kind) throws Exception {
        TestStorage.migrate(empty, kind, null, THEN);
        try (Connection connection = empty.getConnection()) {
            new MigrationRunner(EventSchema.NAME, ClassPathScripts.in(BundleMigrationScripts.folderOf(EventSchema.NAME))
                    .stream().filter(script -> script.version() <= 7).toList(), Map.of(), THEN)
                    .migrate(connection, kind.dialect());
            connection.setAutoCommit(true);
            event(connection, "live", "published", null);
            event(connection, "moved", "changed", null);
            event(connection, "draft", "draft", null);
            event(connection, "cancelled-draft", "cancelled", null);
            event(connection, "cancelled-after-sign-ups", "cancelled", "public");
            event(connection, "cancelled-staff-only", "cancelled", "sam");
        }
    }

    private static void event(Connection connection, String slug, String status, String bookedBy) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO event (slug, title, description, event_type, tags, access_info, food,"
                    + " sign_up_opens, sign_up_closes, status, consent_age, promotion_mode, offer_hours,"
                    + " promotion_stops_hours, created_at, created_by, updated_at, updated_by) VALUES ('" + slug
                    + "', 'T', 'D', 'forum', '', '', FALSE, TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-04-01 09:00:00+00', '" + status + "', 13, 'automatic', 0, 24,"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00', 'edith',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00', 'edith')");
        }
        if (bookedBy == null) {
            return;
        }
        long eventId = single(connection, "SELECT id FROM event WHERE slug = '" + slug + "'");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO event_session (event_id, position, label, starts_at, ends_at, capacity,"
                    + " place, online_link) VALUES (" + eventId + ", 0, '', TIMESTAMP WITH TIME ZONE"
                    + " '2026-04-10 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-04-10 12:00:00+00', 10, 'Hall', '')");
        }
        long sessionId = single(connection, "SELECT id FROM event_session WHERE event_id = " + eventId);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_booking (session_id, form_key,"
                + " state, people, cancel_token_hash, booker_role, booker_name, organisation, contact_adult,"
                + " contact_email, contact_phone, booked_at, booked_by) VALUES (?, ?, 'cancelled', 1, ?, 'self', '',"
                + " '', '', '', '01632 960 000', TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:00+00', ?)")) {
            insert.setLong(1, sessionId);
            insert.setString(2, "form-" + slug);
            insert.setString(3, "hash-" + slug);
            insert.setString(4, bookedBy);
            insert.executeUpdate();
        }
    }

    private static long single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
