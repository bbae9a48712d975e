package dev.participation.service.internal.storage;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.api.storage.Dialect;

/**
 * Makes sure a change is on the database's disk before anyone is told it was saved.
 *
 * <p>H2 keeps a commit in memory for up to {@code WRITE_DELAY} milliseconds (500 by default), so
 * a process killed in that window loses changes the portal had already confirmed: {@code
 * WRITE_DELAY=0} is added to every H2 URL that does not set it. PostgreSQL's {@code
 * synchronous_commit} does the same harm when a server, database or role has it {@code off} (or
 * {@code local} where standbys are meant to hold the commit too): it is checked on connecting and,
 * when weaker than {@code on}, set on for this portal's own connections through the URL's {@code
 * options}.
 */
public final class CommitDurability {

    /** What the URL's {@code options} gain when the server's setting is too weak. */
    static final String SYNCHRONOUS_COMMIT_ON = "-c synchronous_commit=on";

    private static final System.Logger LOG = System.getLogger(CommitDurability.class.getName());
    private static final Pattern H2_WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=([^;]*)");
    // "on" waits for this server's WAL flush; the remote_* values wait for that and for standbys.
    private static final Set<String> FLUSHED_BEFORE_COMMIT_RETURNS = Set.of("on", "remote_write", "remote_apply");
    private static final Pattern SYNCHRONOUS_COMMIT_OPTION = Pattern.compile("(?i)(^|\\s)(-c\\s*|--)synchronous_commit\\s*=");

    private CommitDurability() {
    }

    /** Opens a connection to a JDBC URL, with whatever user and password the caller holds. */
    @FunctionalInterface
    public interface Connector {
        Connection open(String url) throws SQLException;
    }

    /**
     * The URL this portal should connect with so that a commit is durable when it returns, checked
     * on a connection (for PostgreSQL) and logged when the database cannot promise it.
     *
     * @throws SQLException when no connection can be opened, or PostgreSQL refuses the forced setting
     */
    static String durableUrl(Dialect dialect, String url, Connector connector) throws SQLException {
        if (dialect == Dialect.H2) {
            String durable = h2Url(url);
            h2WriteDelayWarning(durable).ifPresent(warning -> LOG.log(System.Logger.Level.WARNING, warning));
            return durable;
        }
        String setting = synchronousCommit(connector, url);
        if (flushedBeforeCommitReturns(setting)) {
            return url;
        }
        if (setsSynchronousCommit(url)) {
            // As with an explicit H2 WRITE_DELAY: someone chose it for this portal; say what it costs.
            LOG.log(System.Logger.Level.WARNING, "The database URL sets synchronous_commit=" + setting + ": a change"
                    + " confirmed to a person can be lost if the database server stops. Remove it from the URL's"
                    + " options to keep confirmed changes.");
            return url;
        }
        /*
         * Forced for our own connections rather than only reported: any role may set it for its
         * session, so the portal keeps its promise without waiting for a database administrator,
         * and other applications sharing the server keep their own choice. Only when the check
         * fails, so a stronger server setting (remote_apply) is kept and a connection pooler that
         * refuses startup options still works with a server that is already durable.
         */
        String forced = withSynchronousCommitOn(url);
        String after;
        try {
            after = synchronousCommit(connector, forced);
        } catch (SQLException e) {
            throw new SQLException("synchronous_commit is " + setting + " for this database, so confirmed changes could be"
                    + " lost, and setting it on through the URL's options failed (a connection pooler may refuse"
                    + " startup options). Set synchronous_commit = on for the database or role. " + e.getMessage(), e);
        }
        if (!flushedBeforeCommitReturns(after)) {
            LOG.log(System.Logger.Level.ERROR, "synchronous_commit is " + after + " even with " + SYNCHRONOUS_COMMIT_ON
                    + " in the URL's options (a connection pooler may drop them): a change confirmed to a person can be"
                    + " lost if the database server stops. Set synchronous_commit = on for the database or role.");
            return url;
        }
        LOG.log(System.Logger.Level.WARNING, "synchronous_commit is " + setting + " for this database; this portal's"
                + " connections set it on so that confirmed changes are never lost.");
        return forced;
    }

    /**
     * The H2 URL with {@code WRITE_DELAY=0} unless it sets {@code WRITE_DELAY} itself. In-memory
     * databases are left alone: they keep nothing after the process anyway.
     */
    public static String h2Url(String url) {
        if (url.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length())
                || H2_WRITE_DELAY.matcher(url).find()) {
            return url;
        }
        return url.replaceAll(";+\\s*$", "") + ";WRITE_DELAY=0";
    }

    /** A warning when the H2 URL explicitly asks for a write delay other than 0. */
    static Optional<String> h2WriteDelayWarning(String url) {
        Matcher m = H2_WRITE_DELAY.matcher(url);
        String value = null;
        while (m.find()) {
            value = m.group(1).strip();
        }
        if (value == null || value.equals("0")) {
            return Optional.empty();
        }
        return Optional.of("The database URL sets WRITE_DELAY=" + value + ": a change confirmed to a person is lost if"
                + " the portal stops within that many milliseconds. Remove it or set WRITE_DELAY=0.");
    }

    static boolean flushedBeforeCommitReturns(String synchronousCommit) {
        return FLUSHED_BEFORE_COMMIT_RETURNS.contains(synchronousCommit.strip().toLowerCase(Locale.ROOT));
    }

    /** PostgreSQL's {@code synchronous_commit} for the session a connection to this URL gets. */
    static String synchronousCommit(Connector connector, String url) throws SQLException {
        try (Connection connection = connector.open(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Whether the URL's {@code options} already set {@code synchronous_commit}. */
    static boolean setsSynchronousCommit(String url) {
        return options(url).map(o -> SYNCHRONOUS_COMMIT_OPTION.matcher(o).find()).orElse(false);
    }

    /**
     * The pgjdbc URL with {@code -c synchronous_commit=on} in its {@code options} parameter, after
     * whatever options it already has (pgjdbc uses the last {@code options} parameter, so that is
     * the one extended).
     */
    static String withSynchronousCommitOn(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url + "?options=" + encode(SYNCHRONOUS_COMMIT_ON);
        }
        String[] parameters = url.substring(query + 1).split("&", -1);
        int last = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (isOptions(parameters[i])) {
                last = i;
            }
        }
        if (last < 0) {
            return url + (url.endsWith("?") || url.endsWith("&") ? "" : "&") + "options=" + encode(SYNCHRONOUS_COMMIT_ON);
        }
        String existing = decode(parameters[last].substring(parameters[last].indexOf('=') + 1)).strip();
        parameters[last] = "options=" + encode(existing.isEmpty() ? SYNCHRONOUS_COMMIT_ON : existing + " " + SYNCHRONOUS_COMMIT_ON);
        return url.substring(0, query + 1) + String.join("&", parameters);
    }

    private static Optional<String> options(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        String found = null;
        for (String parameter : url.substring(query + 1).split("&")) {
            if (isOptions(parameter)) {
                found = decode(parameter.substring(parameter.indexOf('=') + 1));
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean isOptions(String parameter) {
        return parameter.startsWith("options=");
    }

    // pgjdbc URL-decodes parameter values, so "+" and "%20" both arrive as spaces.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
