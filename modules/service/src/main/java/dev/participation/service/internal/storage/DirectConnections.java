package dev.participation.service.internal.storage;

import javax.sql.DataSource;

/**
 * Plain JDBC connections to the same migrated database as {@link Database}, outside Transaction
 * Control, for libraries that manage their own transactions (the job scheduler). Registered by
 * {@link DatabaseConnector} together with {@link Database}, so it too appears only after migrations.
 */
public interface DirectConnections {

    /** Unpooled: each connection is opened on request and must be closed by its user. */
    DataSource dataSource();
}
