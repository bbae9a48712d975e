package dev.participation.groups.internal.join;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.mail.Outbox;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.api.storage.StorageException;
import dev.participation.api.widget.Message;
import dev.participation.groups.api.join.Confirmation;
import dev.participation.groups.api.join.ConsentRole;
import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.JoinProblem;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.groups.api.join.JoinRequestChanged;
import dev.participation.groups.api.join.JoinRequests;
import dev.participation.groups.api.join.JoinRules;
import dev.participation.groups.api.join.JoinStatus;
import dev.participation.groups.api.join.Reach;
import dev.participation.groups.api.join.TrustedAdult;
import dev.participation.groups.internal.store.GroupSchema;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Requests to join in the table {@code group_join_request} of the groups schema. A request and its
 * confirmation email are kept in one transaction, so a confirmation is never sent for a request that
 * was not kept, nor a request kept without its confirmation. Every staff read and change writes its
 * audit line in the transaction that does it.
 */
@Component(service = {JoinRequests.class, JoinRequestStore.class}, configurationPid = JoinConfiguration.PID)
@Designate(ocd = JoinConfiguration.class)
public final class JoinRequestStore implements JoinRequests {

    /** The audit log's record type. */
    public static final String RECORD_TYPE = "join-request";
    private static final Pattern SUBMISSION = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final String COLUMNS = "r.id, r.group_id, r.first_name, r.age, r.reach, r.email, r.phone,"
            + " r.adult_name, r.adult_role, r.adult_contact, r.help, r.consent_name, r.consent_role, r.asked_at,"
            + " r.respond_by, r.status, r.decline_reason, r.status_at, r.version, r.erased";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM group_join_request r";
    private static final String ERASE = "first_name = '', email = '', phone = '', adult_name = '', adult_role = '',"
            + " adult_contact = '', help = '', consent_name = '', consent_role = '', decline_reason = '', erased = TRUE";

    private final Storage storage;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final JoinConfiguration config;
    private final Set<LocalDate> holidays;

    @Activate
    public JoinRequestStore(@Reference(target = GroupSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Outbox outbox, @Reference Clock clock, JoinConfiguration config) {
        this.storage = storage;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.holidays = WorkingDays.holidays(config.bankHolidays());
    }

    @Override
    public JoinRequest ask(String groupSlug, String submission, JoinAsk ask, ZoneId zone, Locale locale) {
        if (!SUBMISSION.matcher(submission).matches()) {
            throw new IllegalArgumentException("Not a submission key: " + submission);
        }
        Map<String, Message> problems = JoinRules.check(ask, config.consentAge());
        if (!problems.isEmpty()) {
            throw new JoinProblem(problems);
        }
        JoinAsk kept = ask.kept(config.consentAge());
        try {
            return storage.write(c -> {
                Optional<JoinRequest> sent = one(c, SELECT + " WHERE r.submission = ?", submission);
                if (sent.isPresent()) {
                    return sent.get();
                }
                GroupRef group = group(c, groupSlug);
                Instant now = clock.instant();
                LocalDate respondBy = WorkingDays.after(now.atZone(zone).toLocalDate(), config.responseWorkingDays(),
                        holidays);
                long id = insert(c, group.id(), submission, kept, now, respondBy);
                // The person's own words stay out of the audit log: it records that a request arrived.
                audit.record("anonymous", "join-request.ask", RECORD_TYPE, Long.toString(id), "group " + group.slug());
                JoinMail.confirmation(kept, group.name(), respondBy, locale).ifPresent(outbox::queue);
                return one(c, SELECT + " WHERE r.id = ?", id).orElseThrow();
            });
        } catch (StorageException e) {
            // The same form sent twice at once: the other send kept it first, with its confirmation.
            if (e.isUniqueViolation()) {
                return storage.read(c -> one(c, SELECT + " WHERE r.submission = ?", submission)).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static long insert(Connection c, long groupId, String submission, JoinAsk a, Instant now,
            LocalDate respondBy) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO group_join_request (group_id, submission,"
                + " first_name, age, reach, email, phone, adult_name, adult_role, adult_contact, help, consent_name,"
                + " consent_role, asked_at, respond_by, status, decline_reason, status_at, version, erased)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', '', ?, 1, FALSE)",
                new String[] {"id"})) {
            insert.setLong(1, groupId);
            insert.setString(2, submission);
            insert.setString(3, a.firstName());
            insert.setInt(4, a.age());
            insert.setString(5, a.reach().code());
            insert.setString(6, a.email());
            insert.setString(7, a.phone());
            insert.setString(8, a.adultName());
            insert.setString(9, a.adultRole() == null ? "" : a.adultRole().code());
            insert.setString(10, a.adultContact());
            insert.setString(11, a.help());
            insert.setString(12, a.consentName());
            insert.setString(13, a.consentRole() == null ? "" : a.consentRole().code());
            Sql.setInstant(insert, 14, now);
            insert.setObject(15, respondBy);
            Sql.setInstant(insert, 16, now);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    @Override
    public Optional<Confirmation> confirmation(String groupSlug, String submission) {
        if (!SUBMISSION.matcher(submission).matches()) {
            return Optional.empty();
        }
        return storage.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT g.slug, g.name, r.respond_by, r.reach, r.email,"
                    + " r.adult_contact FROM group_join_request r JOIN participation_group g ON g.id = r.group_id"
                    + " WHERE r.submission = ? AND g.slug = ?")) {
                q.setString(1, submission);
                q.setString(2, groupSlug);
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Reach reach = Reach.of(row.getString("reach")).orElseThrow();
                    boolean emailed = reach == Reach.EMAIL && JoinRules.isEmail(row.getString("email"))
                            || reach == Reach.ADULT && JoinRules.isEmail(row.getString("adult_contact"));
                    return Optional.of(new Confirmation(row.getString("slug"), row.getString("name"),
                            row.getObject("respond_by", LocalDate.class), reach, emailed));
                }
            }
        });
    }

    @Override
    public List<JoinRequest> forGroup(long groupId, String actor) {
        return audited(groupId, actor, " ORDER BY r.asked_at DESC, r.id DESC", "join-request.read");
    }

    @Override
    public List<JoinRequest> export(long groupId, String actor) {
        return audited(groupId, actor, " ORDER BY r.asked_at, r.id", "join-request.export");
    }

    private List<JoinRequest> audited(long groupId, String actor, String order, String action) {
        return storage.write(c -> {
            List<JoinRequest> requests = list(c, SELECT + " WHERE r.group_id = ?" + order, groupId);
            for (JoinRequest r : requests) {
                if (!r.erased()) {
                    audit.record(actor, action, RECORD_TYPE, Long.toString(r.id()), "group " + groupId);
                }
            }
            return requests;
        });
    }

    @Override
    public Optional<JoinRequest> read(long id, String actor) {
        return storage.write(c -> {
            Optional<JoinRequest> request = one(c, SELECT + " WHERE r.id = ?", id);
            request.filter(r -> !r.erased()).ifPresent(r -> audit.record(actor, "join-request.read", RECORD_TYPE,
                    Long.toString(id), "group " + r.groupId()));
            return request;
        });
    }

    @Override
    public JoinRequest changeStatus(long id, int version, JoinStatus status, String declineReason, String actor) {
        if (status == JoinStatus.LEFT) {
            throw new JoinProblem(Map.of("status", Message.of("join.error.status.leave")));
        }
        String reason = status == JoinStatus.DECLINED ? declineReason.strip() : "";
        if (status == JoinStatus.DECLINED) {
            Map<String, Message> problems = JoinRules.checkReason(reason);
            if (!problems.isEmpty()) {
                throw new JoinProblem(problems);
            }
        }
        return storage.write(c -> {
            JoinRequest before = one(c, SELECT + " WHERE r.id = ?", id)
                    .orElseThrow(() -> new NoSuchElementException("join request " + id));
            if (before.erased()) {
                throw new JoinProblem(Map.of("status", Message.of("join.error.status.erased")));
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE group_join_request SET status = ?,"
                    + " decline_reason = ?, status_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                update.setString(1, status.code());
                update.setString(2, reason);
                Sql.setInstant(update, 3, clock.instant());
                update.setLong(4, id);
                update.setInt(5, version);
                if (update.executeUpdate() == 0) {
                    throw new JoinRequestChanged(before);
                }
            }
            audit.record(actor, "join-request.status", RECORD_TYPE, Long.toString(id),
                    before.status().code() + " -> " + status.code());
            return one(c, SELECT + " WHERE r.id = ?", id).orElseThrow();
        });
    }

    @Override
    public JoinRequest leave(long id, int version, String actor) {
        return storage.write(c -> {
            JoinRequest before = one(c, SELECT + " WHERE r.id = ?", id)
                    .orElseThrow(() -> new NoSuchElementException("join request " + id));
            try (PreparedStatement update = c.prepareStatement("UPDATE group_join_request SET status = 'left', "
                    + ERASE + ", status_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                Sql.setInstant(update, 1, clock.instant());
                update.setLong(2, id);
                update.setInt(3, version);
                if (update.executeUpdate() == 0) {
                    throw new JoinRequestChanged(before);
                }
            }
            audit.record(actor, "join-request.leave", RECORD_TYPE, Long.toString(id), "details erased");
            return one(c, SELECT + " WHERE r.id = ?", id).orElseThrow();
        });
    }

    @Override
    public Map<Long, Waiting> waiting(LocalDate today) {
        return storage.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT group_id, COUNT(*) AS fresh,"
                    + " SUM(CASE WHEN respond_by < ? THEN 1 ELSE 0 END) AS overdue FROM group_join_request"
                    + " WHERE status = 'new' GROUP BY group_id")) {
                q.setObject(1, today);
                Map<Long, Waiting> waiting = new HashMap<>();
                try (ResultSet row = q.executeQuery()) {
                    while (row.next()) {
                        waiting.put(row.getLong("group_id"), new Waiting(row.getInt("fresh"), row.getInt("overdue")));
                    }
                }
                return waiting;
            }
        });
    }

    /** The overdue requests of every group whose response target passed before {@code today}: for the reminders. */
    public List<JoinRequest> overdue(LocalDate today) {
        return storage.read(c -> list(c, SELECT + " WHERE r.status = 'new' AND r.respond_by < ?"
                + " ORDER BY r.group_id, r.respond_by, r.id", today));
    }

    /**
     * Erases the details of declined requests declined at or before {@code cutoff}; the rows stay
     * for anonymous counts. Joins the retention job's transaction.
     */
    public int eraseDeclined(Instant cutoff) {
        return storage.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE group_join_request SET " + ERASE
                    + " WHERE status = 'declined' AND erased = FALSE AND status_at <= ?")) {
                Sql.setInstant(update, 1, cutoff);
                return update.executeUpdate();
            }
        });
    }

    /** The group's id, address and name, or no such group. */
    private static GroupRef group(Connection c, String slug) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id, slug, name FROM participation_group WHERE slug = ?")) {
            q.setString(1, slug);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchElementException("group " + slug);
                }
                return new GroupRef(row.getLong("id"), row.getString("slug"), row.getString("name"));
            }
        }
    }

    private record GroupRef(long id, String slug, String name) {
    }

    private static Optional<JoinRequest> one(Connection c, String sql, Object... parameters) throws SQLException {
        return list(c, sql, parameters).stream().findFirst();
    }

    private static List<JoinRequest> list(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<JoinRequest> requests = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    requests.add(read(row));
                }
            }
            return requests;
        }
    }

    private static JoinRequest read(ResultSet row) throws SQLException {
        JoinAsk ask = new JoinAsk(row.getString("first_name"), row.getInt("age"),
                Reach.of(row.getString("reach")).orElse(null), row.getString("email"), row.getString("phone"),
                row.getString("adult_name"), TrustedAdult.of(row.getString("adult_role")).orElse(null),
                row.getString("adult_contact"), row.getString("help"), row.getString("consent_name"),
                ConsentRole.of(row.getString("consent_role")).orElse(null), true);
        return new JoinRequest(row.getLong("id"), row.getLong("group_id"), ask, Sql.getInstant(row, "asked_at"),
                row.getObject("respond_by", LocalDate.class), JoinStatus.of(row.getString("status")).orElseThrow(),
                row.getString("decline_reason"), Sql.getInstant(row, "status_at"), row.getInt("version"),
                row.getBoolean("erased"));
    }
}
