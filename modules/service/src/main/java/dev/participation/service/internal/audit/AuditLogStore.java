package dev.participation.service.internal.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.audit.AuditLine;
import dev.participation.api.audit.AuditLog;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit log in the {@code audit_log} table; lines are only ever inserted. */
@Component(service = AuditLog.class)
public final class AuditLogStore implements AuditLog {

    static final int MAX_DETAIL = 2000;
    static final int MAX_LIMIT = 1000;

    private final Database database;
    private final Clock clock;

    @Activate
    public AuditLogStore(@Reference Database database, @Reference Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String recordType, String recordId, String detail) {
        recordAll(List.of(new AuditLine(actor, action, recordType, recordId, detail)));
    }

    @Override
    public void recordAll(List<AuditLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log"
                    + " (occurred_at, actor, action, record_type, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (AuditLine line : lines) {
                    Sql.setInstant(insert, 1, clock.instant());
                    insert.setString(2, cut(line.actor(), 200));
                    insert.setString(3, cut(line.action(), 100));
                    insert.setString(4, cut(line.recordType(), 100));
                    insert.setString(5, cut(line.recordId(), 200));
                    // A long detail is cut rather than refused: losing the audit line would be worse.
                    insert.setString(6, line.detail().length() > MAX_DETAIL
                            ? line.detail().substring(0, MAX_DETAIL - 1) + "…" : line.detail());
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return olderThan(Long.MAX_VALUE, limit);
    }

    @Override
    public List<AuditEntry> olderThan(long beforeId, int limit) {
        int rows = Math.max(1, Math.min(limit, MAX_LIMIT));
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                query.setLong(1, beforeId);
                query.setInt(2, rows);
                return entries(query);
            }
        });
    }

    @Override
    public List<AuditEntry> newerThan(long afterId, int limit) {
        int rows = Math.max(1, Math.min(limit, MAX_LIMIT));
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM audit_log WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                query.setLong(1, afterId);
                query.setInt(2, rows);
                List<AuditEntry> oldestFirst = entries(query);
                Collections.reverse(oldestFirst);
                return oldestFirst;
            }
        });
    }

    @Override
    public List<AuditEntry> forRecord(String recordType, String recordId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM audit_log WHERE record_type = ? AND record_id = ? ORDER BY id")) {
                query.setString(1, recordType);
                query.setString(2, recordId);
                return entries(query);
            }
        });
    }

    private static List<AuditEntry> entries(PreparedStatement query) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(new AuditEntry(rows.getLong("id"), Sql.getInstant(rows, "occurred_at"),
                        rows.getString("actor"), rows.getString("action"), rows.getString("record_type"),
                        rows.getString("record_id"), rows.getString("detail")));
            }
        }
        return entries;
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
