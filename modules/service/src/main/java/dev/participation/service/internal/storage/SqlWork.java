package dev.participation.service.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of work on the database, run inside a transaction or a read scope. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
