package dev.participation.service.internal.storage.migration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code V<number>__<description>.sql} file. */
public record MigrationScript(int version, String name, String sql) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_\\-]+)\\.sql");

    public MigrationScript {
        // Line endings depend on the checkout, not on what the script does.
        sql = sql.replace("\r\n", "\n");
    }

    public static MigrationScript of(String name, String sql) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Migration script name must look like V001__what.sql: " + name);
        }
        return new MigrationScript(Integer.parseInt(matcher.group(1)), name, sql);
    }

    public static MigrationScript load(URL url) throws IOException {
        String path = url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        try (InputStream in = url.openStream()) {
            return of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static boolean isScriptName(String name) {
        return NAME.matcher(name).matches();
    }

    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The statements, split at semicolons that are outside quotes and comments. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                if (end >= sql.length()) {
                    throw new IllegalArgumentException(name + ": unterminated quote");
                }
                current.append(sql, i, end + 1);
                i = end + 1;
                continue;
            }
            if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
            i++;
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }
}
