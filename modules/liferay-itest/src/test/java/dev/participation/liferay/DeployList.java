package dev.participation.liferay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundles the README tells a Liferay administrator to deploy, read from the README itself so the
 * test and the instructions cannot drift apart: the table under "What to deploy" in the section
 * "Deploying the bundles to a Liferay portal", in its order.
 */
final class DeployList {

    static final String SECTION = "## Deploying the bundles to a Liferay portal";
    static final String TABLE = "### What to deploy";
    private static final Pattern ROW = Pattern.compile("^\\|[^|]*\\|\\s*`([^`]+)`\\s*\\|");
    private static final Pattern COORDINATES = Pattern.compile("([\\w.-]+):([\\w.-]+):([\\w.-]+)");

    /** One line of the table: where the jar is, and the name a failure message gives it. */
    record Entry(String listed, Path jar) {
        @Override
        public String toString() {
            return listed;
        }
    }

    private DeployList() {
    }

    /**
     * @param root            the repository root, which the README's file paths are relative to
     * @param localRepository the Maven repository third-party coordinates are found in
     */
    static List<Entry> read(Path root, Path localRepository) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("README.md"));
        int section = lines.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException("README.md has no line \"" + SECTION + "\"");
        }
        int table = -1;
        for (int i = section + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).equals(TABLE)) {
                table = i;
                break;
            }
        }
        if (table < 0) {
            throw new IllegalStateException("README.md's Liferay section has no \"" + TABLE + "\" table");
        }
        List<Entry> entries = new ArrayList<>();
        boolean inTable = false;
        for (int i = table + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                entries.add(entry(row.group(1), root, localRepository));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("README.md's \"" + TABLE + "\" table lists no jar");
        }
        return entries;
    }

    private static Entry entry(String listed, Path root, Path localRepository) {
        if (listed.endsWith(".jar")) {
            Path jar = root.resolve(listed).normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("README.md lists " + listed + ", which is not there: build it first"
                        + " (mvn -q -DskipTests install), or correct the README");
            }
            return new Entry(listed, jar);
        }
        Matcher coordinates = COORDINATES.matcher(listed);
        if (!coordinates.matches()) {
            throw new IllegalStateException("README.md lists \"" + listed + "\": neither a jar path nor groupId:artifactId:version");
        }
        String artifact = coordinates.group(2);
        String version = coordinates.group(3);
        Path jar = localRepository.resolve(coordinates.group(1).replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("README.md lists " + listed + ", which is not in the local Maven repository:"
                    + " add it to modules/liferay-itest/pom.xml as a test dependency so Maven fetches it");
        }
        return new Entry(listed, jar);
    }
}
