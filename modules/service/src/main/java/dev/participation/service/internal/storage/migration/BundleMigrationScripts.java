package dev.participation.service.internal.storage.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.osgi.framework.Bundle;

/** The scripts a bundle ships: the platform's in {@code db/migration}, a schema's in {@code db/<schema>}. */
public final class BundleMigrationScripts {

    public static final String FOLDER = "db/migration";
    /** Lists the platform's scripts that moved to another schema, as {@code V002__x.sql=schema}. */
    public static final String MOVED_AWAY = FOLDER + "/moved-away.properties";

    private BundleMigrationScripts() {
    }

    public static String folderOf(String schema) {
        return "db/" + schema;
    }

    public static List<MigrationScript> of(Bundle bundle) {
        return of(bundle, FOLDER);
    }

    public static List<MigrationScript> of(Bundle bundle, String folder) {
        Enumeration<URL> entries = bundle.findEntries(folder, "V*.sql", false);
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

    public static Map<String, String> movedAway(Bundle bundle) {
        return movedAway(bundle.getEntry(MOVED_AWAY));
    }

    /** @param list the moved-away list, or null when there is none */
    public static Map<String, String> movedAway(URL list) {
        Map<String, String> moved = new TreeMap<>();
        if (list != null) {
            Properties properties = new Properties();
            try (InputStream in = list.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + list, e);
            }
            properties.stringPropertyNames().forEach(name -> moved.put(name, properties.getProperty(name).strip()));
        }
        return moved;
    }
}
