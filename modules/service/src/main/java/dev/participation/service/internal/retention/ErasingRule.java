package dev.participation.service.internal.retention;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import dev.participation.api.retention.RetentionRule;
import dev.participation.api.storage.Sql;
import dev.participation.service.internal.storage.Database;

/**
 * A rule that erases, in one statement, the rows past their period: what the platform's own rules
 * (sessions, sign-in throttling, public form counts) have in common. Each stays its own component
 * with its own setting and says only which rows and why.
 */
public abstract class ErasingRule implements RetentionRule {

    private final Database database;
    private final String recordType;
    private final Duration keptFor;
    private final String keptFrom;
    private final String delete;

    /**
     * @param delete a {@code DELETE} whose parameters are all the cut-off, unless the rule
     *               {@linkplain #bind binds} them itself
     */
    protected ErasingRule(Database database, String recordType, Duration keptFor, String keptFrom, String delete) {
        this.database = database;
        this.recordType = recordType;
        this.keptFor = keptFor;
        this.keptFrom = keptFrom;
        this.delete = delete;
    }

    @Override
    public final String recordType() {
        return recordType;
    }

    @Override
    public final Duration keptFor() {
        return keptFor;
    }

    @Override
    public final String keptFrom() {
        return keptFrom;
    }

    @Override
    public final Treatment treatment() {
        return Treatment.ERASE;
    }

    @Override
    public final int apply(Instant cutoff) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                bind(statement, cutoff);
                return statement.executeUpdate();
            }
        });
    }

    /** Sets the statement's parameters: by default the cut-off in every one. */
    protected void bind(PreparedStatement statement, Instant cutoff) throws SQLException {
        long parameters = delete.chars().filter(c -> c == '?').count();
        for (int i = 1; i <= parameters; i++) {
            Sql.setInstant(statement, i, cutoff);
        }
    }
}
