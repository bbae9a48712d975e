package dev.participation.service.internal.demo;

import java.time.Clock;

import dev.participation.api.demo.DemoContent;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

/**
 * Installs one contribution at most once per database. The marker row and the content go in one
 * transaction (the services the content calls join it), so a failed install leaves neither, and
 * a second node waits on the marker's key and then finds it taken.
 */
final class DemoContentInstallation {

    static final String ACTOR = "system";

    private final Database database;
    private final Clock clock;

    DemoContentInstallation(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @return whether this call installed it */
    boolean installOnce(DemoContent content) {
        String key = content.key();
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("Demo content key must be 1 to 200 characters: " + key);
        }
        return database.write(connection -> {
            boolean first = database.dialect().insertIfAbsent(connection,
                    "INSERT INTO demo_content_installed (content_key, installed_at) VALUES (?, ?)", statement -> {
                        statement.setString(1, key);
                        Sql.setInstant(statement, 2, clock.instant());
                    });
            if (first) {
                content.install(ACTOR);
            }
            return first;
        });
    }
}
