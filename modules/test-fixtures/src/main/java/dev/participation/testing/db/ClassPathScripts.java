package dev.participation.testing.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.participation.service.internal.storage.migration.MigrationScript;

/**
 * The migration scripts in one folder of the test class path, whether it is a build's classes
 * folder or a jar (the service's platform scripts come from its jar).
 */
public final class ClassPathScripts {

    private ClassPathScripts() {
    }

    public static List<MigrationScript> in(String folder) {
        List<MigrationScript> scripts = new ArrayList<>();
        try {
            for (URL root : Collections.list(ClassPathScripts.class.getClassLoader().getResources(folder))) {
                URI uri = root.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (FileSystem jar = openJar(uri)) {
                        scripts.addAll(list(jar.provider().getPath(uri)));
                    } catch (FileSystemAlreadyExistsException e) {
                        scripts.addAll(list(FileSystems.getFileSystem(uri).provider().getPath(uri)));
                    }
                } else {
                    scripts.addAll(list(Path.of(uri)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scripts in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return scripts;
    }

    private static FileSystem openJar(URI uri) throws IOException {
        return FileSystems.newFileSystem(uri, Map.of());
    }

    private static List<MigrationScript> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<MigrationScript> scripts = new ArrayList<>();
            for (Path path : files.filter(p -> MigrationScript.isScriptName(p.getFileName().toString())).toList()) {
                scripts.add(MigrationScript.of(path.getFileName().toString(), Files.readString(path)));
            }
            return scripts;
        }
    }
}
