package dev.participation.service.internal.storage;

import dev.participation.api.storage.Dialect;

/** Which dialect a configured URL speaks, and which JDBC driver bundle serves it. */
public final class Drivers {

    private Drivers() {
    }

    public static Dialect dialectFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): "
                + jdbcUrl.replaceAll("[?;].*", ""));
    }

    /** The {@code osgi.jdbc.driver.class} of the DataSourceFactory that serves this dialect. */
    public static String driverClass(Dialect dialect) {
        return dialect == Dialect.H2 ? "org.h2.Driver" : "org.postgresql.Driver";
    }

    /** The package the driver bundle exports its driver class from. */
    static String driverPackage(Dialect dialect) {
        String driverClass = driverClass(dialect);
        return driverClass.substring(0, driverClass.lastIndexOf('.'));
    }
}
