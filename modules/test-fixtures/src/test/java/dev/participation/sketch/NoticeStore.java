package dev.participation.sketch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.storage.ParticipationSchema;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notices in the table {@code sketch_notice} of the widget's own schema {@value #SCHEMA} (its
 * scripts are {@code db/sketch/V*.sql}). Every change writes its audit line in the same transaction.
 */
@ParticipationSchema(NoticeStore.SCHEMA)
@Component(service = Notices.class)
public final class NoticeStore implements Notices {

    static final String SCHEMA = "sketch";
    private static final String SELECT = "SELECT id, title, body, shown_until, posted_at, revision FROM sketch_notice";
    private static final String NEWEST_FIRST = " ORDER BY posted_at DESC, id DESC";

    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;

    /** The storage service appears only once the schema is migrated, so no query meets an older table. */
    @Activate
    public NoticeStore(@Reference(target = "(" + Storage.SCHEMA + "=" + SCHEMA + ")") Storage storage,
            @Reference AuditLog audit, @Reference Clock clock) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Notice> current(LocalDate today, int limit) {
        return storage.read(c -> list(c, SELECT + " WHERE shown_until IS NULL OR shown_until >= ?" + NEWEST_FIRST
                + " LIMIT ?", today, limit));
    }

    @Override
    public List<Notice> all() {
        return storage.read(c -> list(c, SELECT + NEWEST_FIRST));
    }

    @Override
    public Optional<Notice> find(long id) {
        return storage.read(c -> list(c, SELECT + " WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public Notice add(NoticeText text, String actor) {
        refuseIfInvalid(text);
        return storage.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sketch_notice"
                    + " (title, body, shown_until, posted_at, revision) VALUES (?, ?, ?, ?, 1)", new String[] {"id"})) {
                insert.setString(1, text.title());
                insert.setString(2, text.text());
                insert.setObject(3, text.until());
                Sql.setInstant(insert, 4, clock.instant());
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    long id = key.getLong(1);
                    audit.record(actor, "notice.add", "notice", Long.toString(id), text.title());
                    return list(c, SELECT + " WHERE id = ?", id).get(0);
                }
            }
        });
    }

    @Override
    public Notice change(long id, int revision, NoticeText text, String actor) {
        refuseIfInvalid(text);
        return storage.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE sketch_notice SET title = ?, body = ?,"
                    + " shown_until = ?, revision = revision + 1 WHERE id = ? AND revision = ?")) {
                update.setString(1, text.title());
                update.setString(2, text.text());
                update.setObject(3, text.until());
                update.setLong(4, id);
                update.setInt(5, revision);
                if (update.executeUpdate() == 0) {
                    throw new Changed(list(c, SELECT + " WHERE id = ?", id).stream().findFirst()
                            .orElseThrow(() -> new NoSuchElementException("notice " + id)));
                }
            }
            audit.record(actor, "notice.change", "notice", Long.toString(id), text.title());
            return list(c, SELECT + " WHERE id = ?", id).get(0);
        });
    }

    private static void refuseIfInvalid(NoticeText text) {
        if (!text.problems().isEmpty()) {
            throw new IllegalArgumentException("notice refused: " + text.problems().keySet());
        }
    }

    private static List<Notice> list(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Notice> notices = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant posted = Sql.getInstant(rows, "posted_at");
                    notices.add(new Notice(rows.getLong("id"), new NoticeText(rows.getString("title"),
                            rows.getString("body"), rows.getObject("shown_until", LocalDate.class)), posted,
                            rows.getInt("revision")));
                }
            }
            return notices;
        }
    }
}
