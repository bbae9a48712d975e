package dev.participation.service.internal.page;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.page.ChangedMeanwhileException;
import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Placed widgets in {@code widget_instance} with their settings in {@code widget_preference}.
 * Every change to a page's order first locks the page's {@code widget_page} row, so concurrent
 * editors on several nodes queue up and positions stay 0..n-1 without gaps or repeats.
 */
@Component(service = WidgetInstances.class)
public final class WidgetInstanceStore implements WidgetInstances {

    static final String RECORD_TYPE = "widget-instance";
    private static final int MAX_PAGE_KEY = 200;
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int MAX_TYPE = 100;
    private static final int MAX_PREFERENCE_NAME = 100;
    private static final int MAX_PREFERENCE_VALUE = 10_000;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public WidgetInstanceStore(@Reference Database database, @Reference AuditLog audit, @Reference Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Instances with their settings in one statement, read by column position: every public page
     * asks for its instances, and two statements with columns looked up by name showed in its
     * profile. {@code %s} is the condition; an instance's rows are adjacent in this order.
     */
    private static final String WITH_PREFERENCES = "SELECT i.id, i.page_key, i.page_position, i.widget_type,"
            + " i.updated_by, i.settings_version, i.updated_at, p.pref_name, p.pref_value"
            + " FROM widget_instance i LEFT JOIN widget_preference p ON p.instance_id = i.id"
            + " WHERE %s ORDER BY i.page_key, i.page_position";
    private static final String ON_PAGE = String.format(WITH_PREFERENCES, "i.page_key = ?");
    private static final String BY_ID = String.format(WITH_PREFERENCES, "i.id = ?");

    @Override
    public List<WidgetInstance> onPage(String pageKey) {
        return database.read(connection -> withPreferences(connection, ON_PAGE, pageKey));
    }

    @Override
    public Optional<WidgetInstance> find(String instanceId) {
        if (!isInstanceId(instanceId)) {
            return Optional.empty();
        }
        return database.read(connection -> findIn(connection, instanceId));
    }

    /**
     * Whether this could be an id {@link #newId} made. Ids arrive in posts and addresses; one of
     * any other shape names nothing, and is not sent to the database, which may refuse some
     * characters (PostgreSQL a NUL) rather than find nothing.
     */
    static boolean isInstanceId(String id) {
        return id != null && INSTANCE_ID.matcher(id).matches();
    }

    private static void requireInstanceId(String id) {
        if (!isInstanceId(id)) {
            throw new NoSuchElementException("No widget instance " + id);
        }
    }

    @Override
    public WidgetInstance place(String pageKey, String widgetType, Map<String, String> preferences, String actor) {
        requireText(pageKey, "pageKey", MAX_PAGE_KEY);
        requireText(widgetType, "widgetType", MAX_TYPE);
        Objects.requireNonNull(actor, "actor");
        checkPreferences(preferences);
        String id = newId();
        return database.write(connection -> {
            lockPage(connection, pageKey);
            int position;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM widget_instance WHERE page_key = ?")) {
                count.setString(1, pageKey);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    position = rows.getInt(1);
                }
            }
            Instant now = clock.instant();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO widget_instance"
                    + " (id, page_key, page_position, widget_type, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, pageKey);
                insert.setInt(3, position);
                insert.setString(4, widgetType);
                Sql.setInstant(insert, 5, now);
                insert.setString(6, actor);
                insert.executeUpdate();
            }
            storePreferences(connection, id, preferences);
            audit.record(actor, "widget.place", RECORD_TYPE, id, "Placed " + widgetType + " on page " + pageKey
                    + " at position " + position + describeKeys("; settings: ", preferences.keySet()));
            return findIn(connection, id).orElseThrow();
        });
    }

    @Override
    public WidgetInstance configure(String instanceId, Map<String, String> preferences, String actor) {
        requireInstanceId(instanceId);
        Objects.requireNonNull(actor, "actor");
        checkPreferences(preferences);
        return database.write(connection -> {
            // Lock the instance so two editors' changes are described against what each replaced.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM widget_instance WHERE id = ? FOR UPDATE")) {
                lock.setString(1, instanceId);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        throw new NoSuchElementException("No widget instance " + instanceId);
                    }
                }
            }
            try (PreparedStatement touch = connection.prepareStatement("UPDATE widget_instance"
                    + " SET settings_version = settings_version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
                Sql.setInstant(touch, 1, clock.instant());
                touch.setString(2, actor);
                touch.setString(3, instanceId);
                touch.executeUpdate();
            }
            return replacePreferences(connection, instanceId, preferences, actor);
        });
    }

    @Override
    public WidgetInstance configure(String instanceId, long expectedVersion, Map<String, String> preferences,
            String actor) {
        requireInstanceId(instanceId);
        Objects.requireNonNull(actor, "actor");
        checkPreferences(preferences);
        return database.write(connection -> {
            // The version check and the bump are one statement, so of two saves from one version
            // only the first to reach the row goes through; the other waits for its row lock, then
            // finds the version moved on and changes nothing.
            try (PreparedStatement touch = connection.prepareStatement("UPDATE widget_instance"
                    + " SET settings_version = settings_version + 1, updated_at = ?, updated_by = ?"
                    + " WHERE id = ? AND settings_version = ?")) {
                Sql.setInstant(touch, 1, clock.instant());
                touch.setString(2, actor);
                touch.setString(3, instanceId);
                touch.setLong(4, expectedVersion);
                if (touch.executeUpdate() == 0) {
                    throw changedOrMissing(connection, instanceId, expectedVersion);
                }
            }
            return replacePreferences(connection, instanceId, preferences, actor);
        });
    }

    private WidgetInstance replacePreferences(Connection connection, String instanceId,
            Map<String, String> preferences, String actor) throws SQLException {
        Map<String, String> before = preferences(connection, List.of(instanceId)).getOrDefault(instanceId, Map.of());
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM widget_preference WHERE instance_id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        }
        storePreferences(connection, instanceId, preferences);
        audit.record(actor, "widget.configure", RECORD_TYPE, instanceId, describeChange(before, preferences));
        return findIn(connection, instanceId).orElseThrow();
    }

    private static RuntimeException changedOrMissing(Connection connection, String instanceId, long expectedVersion)
            throws SQLException {
        Optional<WidgetInstance> current = findIn(connection, instanceId);
        return current.<RuntimeException>map(c -> new ChangedMeanwhileException(c, expectedVersion))
                .orElseGet(() -> new NoSuchElementException("No widget instance " + instanceId));
    }

    @Override
    public void move(String instanceId, int position, String actor) {
        Objects.requireNonNull(actor, "actor");
        if (position < 0) {
            throw new IllegalArgumentException("position must be 0 or more, not " + position);
        }
        requireInstanceId(instanceId);
        database.write(connection -> {
            String pageKey = pageOf(connection, instanceId);
            lockPage(connection, pageKey);
            List<String> order = order(connection, pageKey);
            int from = order.indexOf(instanceId);
            if (from < 0) {
                throw new NoSuchElementException("No widget instance " + instanceId);
            }
            int to = Math.min(position, order.size() - 1);
            if (from == to) {
                return null;
            }
            order.remove(from);
            order.add(to, instanceId);
            renumber(connection, order);
            try (PreparedStatement touch = connection.prepareStatement(
                    "UPDATE widget_instance SET updated_at = ?, updated_by = ? WHERE id = ?")) {
                Sql.setInstant(touch, 1, clock.instant());
                touch.setString(2, actor);
                touch.setString(3, instanceId);
                touch.executeUpdate();
            }
            audit.record(actor, "widget.move", RECORD_TYPE, instanceId,
                    "Moved on page " + pageKey + " from position " + from + " to " + to);
            return null;
        });
    }

    @Override
    public void remove(String instanceId, String actor) {
        requireInstanceId(instanceId);
        Objects.requireNonNull(actor, "actor");
        database.write(connection -> {
            removeLocked(connection, instanceId, OptionalLong.empty(), actor);
            return null;
        });
    }

    @Override
    public void remove(String instanceId, long expectedVersion, String actor) {
        requireInstanceId(instanceId);
        Objects.requireNonNull(actor, "actor");
        database.write(connection -> {
            removeLocked(connection, instanceId, OptionalLong.of(expectedVersion), actor);
            return null;
        });
    }

    private void removeLocked(Connection connection, String instanceId, OptionalLong expectedVersion, String actor)
            throws SQLException {
        String pageKey = pageOf(connection, instanceId);
        lockPage(connection, pageKey);
        // Settings change under the instance's row lock, not the page's: lock it too, so the
        // version read here is still the version when the row goes.
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM widget_instance WHERE id = ? FOR UPDATE")) {
            lock.setString(1, instanceId);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
            }
        }
        WidgetInstance removed = findIn(connection, instanceId)
                .orElseThrow(() -> new NoSuchElementException("No widget instance " + instanceId));
        if (expectedVersion.isPresent() && removed.version() != expectedVersion.getAsLong()) {
            throw new ChangedMeanwhileException(removed, expectedVersion.getAsLong());
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM widget_preference WHERE instance_id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM widget_instance WHERE id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        }
        renumber(connection, order(connection, pageKey));
        // The settings survive only here, so an editor can put back what was taken away.
        audit.record(actor, "widget.remove", RECORD_TYPE, instanceId, "Removed " + removed.widgetType()
                + " from page " + pageKey + " at position " + removed.position() + "; settings: "
                + new TreeMap<>(removed.preferences()));
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Creates the page's lock row on first use (safe if two nodes do it at once), then holds it
     * until the transaction ends.
     */
    private void lockPage(Connection connection, String pageKey) throws SQLException {
        database.dialect().insertIfAbsent(connection, "INSERT INTO widget_page (page_key) VALUES (?)",
                statement -> statement.setString(1, pageKey));
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT page_key FROM widget_page WHERE page_key = ? FOR UPDATE")) {
            lock.setString(1, pageKey);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
            }
        }
    }

    private static String pageOf(Connection connection, String instanceId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT page_key FROM widget_instance WHERE id = ?")) {
            query.setString(1, instanceId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchElementException("No widget instance " + instanceId);
                }
                return rows.getString(1);
            }
        }
    }

    private static List<String> order(Connection connection, String pageKey) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM widget_instance WHERE page_key = ? ORDER BY page_position")) {
            query.setString(1, pageKey);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Gives the instances positions 0..n-1 in this order. PostgreSQL checks the unique position
     * after every row, so rows first move to distinct negative slots and then to their final ones.
     */
    private static void renumber(Connection connection, List<String> orderedIds) throws SQLException {
        if (orderedIds.isEmpty()) {
            return;
        }
        try (PreparedStatement park = connection.prepareStatement(
                "UPDATE widget_instance SET page_position = ? WHERE id = ?")) {
            for (int i = 0; i < orderedIds.size(); i++) {
                park.setInt(1, -(i + 1));
                park.setString(2, orderedIds.get(i));
                park.addBatch();
            }
            park.executeBatch();
        }
        try (PreparedStatement settle = connection.prepareStatement(
                "UPDATE widget_instance SET page_position = -page_position - 1 WHERE id = ?")) {
            for (String id : orderedIds) {
                settle.setString(1, id);
                settle.addBatch();
            }
            settle.executeBatch();
        }
    }

    private static void storePreferences(Connection connection, String instanceId, Map<String, String> preferences)
            throws SQLException {
        if (preferences.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO widget_preference (instance_id, pref_name, pref_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> preference : preferences.entrySet()) {
                insert.setString(1, instanceId);
                insert.setString(2, preference.getKey());
                insert.setString(3, preference.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<WidgetInstance> findIn(Connection connection, String instanceId) throws SQLException {
        return withPreferences(connection, BY_ID, instanceId).stream().findFirst();
    }

    private static List<WidgetInstance> withPreferences(Connection connection, String sql, String parameter)
            throws SQLException {
        List<WidgetInstance> instances = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                String[] row = null;
                Map<String, String> preferences = null;
                int position = 0;
                long version = 0;
                Instant updatedAt = null;
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (row == null || !id.equals(row[0])) {
                        if (row != null) {
                            instances.add(new WidgetInstance(row[0], row[1], position, row[2], preferences, updatedAt,
                                    row[3], version));
                        }
                        row = new String[] {id, rows.getString(2), rows.getString(4), rows.getString(5)};
                        position = rows.getInt(3);
                        version = rows.getLong(6);
                        updatedAt = rows.getObject(7, OffsetDateTime.class).toInstant();
                        preferences = new HashMap<>();
                    }
                    String name = rows.getString(8);
                    if (name != null) {
                        preferences.put(name, rows.getString(9));
                    }
                }
                if (row != null) {
                    instances.add(new WidgetInstance(row[0], row[1], position, row[2], preferences, updatedAt, row[3],
                            version));
                }
            }
        }
        return instances;
    }

    private static Map<String, Map<String, String>> preferences(Connection connection, List<String> instanceIds)
            throws SQLException {
        Map<String, Map<String, String>> preferences = new HashMap<>();
        if (instanceIds.isEmpty()) {
            return preferences;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(instanceIds.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement("SELECT instance_id, pref_name, pref_value"
                + " FROM widget_preference WHERE instance_id IN (" + placeholders + ")")) {
            for (int i = 0; i < instanceIds.size(); i++) {
                query.setString(i + 1, instanceIds.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    preferences.computeIfAbsent(rows.getString(1), id -> new HashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return preferences;
    }

    private static void checkPreferences(Map<String, String> preferences) {
        Objects.requireNonNull(preferences, "preferences");
        preferences.forEach((name, value) -> {
            requireText(name, "preference name", MAX_PREFERENCE_NAME);
            if (value == null || value.length() > MAX_PREFERENCE_VALUE) {
                throw new IllegalArgumentException("Preference " + name + " must have a value of at most "
                        + MAX_PREFERENCE_VALUE + " characters");
            }
        });
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1 to " + max + " characters");
        }
    }

    /** Names the settings that changed, not their values: values may be long or sensitive. */
    static String describeChange(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> added = new TreeSet<>();
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> removed = new TreeSet<>();
        after.forEach((name, value) -> {
            if (!before.containsKey(name)) {
                added.add(name);
            } else if (!before.get(name).equals(value)) {
                changed.add(name);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(removed::add);
        if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return "Saved settings without changes";
        }
        return ("Settings" + describeKeys(" changed: ", changed) + describeKeys(" added: ", added)
                + describeKeys(" removed: ", removed)).replace("  ", " ");
    }

    private static String describeKeys(String label, java.util.Collection<String> names) {
        return names.isEmpty() ? "" : label + String.join(", ", new TreeSet<>(names)) + ";";
    }
}
