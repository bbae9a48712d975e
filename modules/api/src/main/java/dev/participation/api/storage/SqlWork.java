package dev.participation.api.storage;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/** A piece of work on the database, run inside a transaction or a read scope. */
@ConsumerType
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
