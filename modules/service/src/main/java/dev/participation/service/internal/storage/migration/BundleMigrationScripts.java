package dev.participation.service.internal.storage.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/** The scripts shipped in a bundle's {@code db/migration} folder. */
public final class BundleMigrationScripts {

    public static final String FOLDER = "db/migration";

    private BundleMigrationScripts() {
    }

    public static List<MigrationScript> of(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "V*.sql", false);
        List<MigrationScript> scripts = new ArrayList<>();
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                try {
                    scripts.add(MigrationScript.load(url));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read migration " + url, e);
                }
            }
        }
        return scripts;
    }
}
