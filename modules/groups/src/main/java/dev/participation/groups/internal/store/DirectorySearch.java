package dev.participation.groups.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Facets;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.PublicGroup;

/**
 * The directory's search, as two statements that H2 and PostgreSQL both run unchanged.
 *
 * <p>The words and the age narrow the rows first: each word is an indexed look-up in
 * {@code participation_group_word}, the age compares two columns. Over the rows left, one
 * grouped scan counts every facet value at once, each count under the other facets' ticks (a
 * {@code CASE} per value), one row per area; the page itself is the first rows in
 * {@code (sort_key, id)} order that pass every filter. A group open to all counts for, and is
 * found by, every "who it is for" tick.
 */
final class DirectorySearch {

    private final GroupQuery query;
    private final List<String> words;

    DirectorySearch(GroupQuery query) {
        this.query = query;
        this.words = List.copyOf(SearchWords.of(query.text()));
    }

    DirectoryPage run(Connection connection) throws SQLException {
        Counted counted = count(connection);
        return new DirectoryPage(page(connection), counted.total(), counted.facets());
    }

    private List<PublicGroup> page(Connection connection) throws SQLException {
        Statement sql = new Statement("SELECT " + GroupRows.PUBLIC_COLUMNS + " FROM " + GroupRows.TABLE + " g");
        narrow(sql);
        sql.append(" AND ").append(whoFor());
        sql.append(" AND ").append(areas());
        sql.append(" AND ").append(ways());
        sql.add(" ORDER BY g.sort_key, g.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", query.first(), query.size());
        List<PublicGroup> groups = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                groups.add(GroupRows.publicGroup(rows));
            }
        }
        return groups;
    }

    private Counted count(Connection connection) throws SQLException {
        Statement sql = new Statement("SELECT g.area");
        sql.append(", SUM(CASE WHEN ").append(whoFor()).append(" AND ").append(ways()).append(" THEN 1 ELSE 0 END)");
        for (Eligibility eligibility : Eligibility.values()) {
            sql.append(", SUM(CASE WHEN ").append(areas()).append(" AND ").append(ways()).append(" AND ")
                    .append(fits(List.of(eligibility))).append(" THEN 1 ELSE 0 END)");
        }
        for (Attendance way : List.of(Attendance.IN_PERSON, Attendance.ONLINE)) {
            sql.append(", SUM(CASE WHEN ").append(whoFor()).append(" AND ").append(areas()).append(" AND ")
                    .append(attendance(List.of(way))).append(" THEN 1 ELSE 0 END)");
        }
        sql.append(", SUM(CASE WHEN ").append(whoFor()).append(" AND ").append(areas()).append(" AND ")
                .append(ways()).append(" THEN 1 ELSE 0 END)");
        sql.add(" FROM " + GroupRows.TABLE + " g");
        narrow(sql);
        sql.add(" GROUP BY g.area");

        Map<String, Integer> areas = new TreeMap<>();
        Map<Eligibility, Integer> whoFor = new EnumMap<>(Eligibility.class);
        Map<Attendance, Integer> ways = new EnumMap<>(Attendance.class);
        for (Eligibility eligibility : Eligibility.values()) {
            whoFor.put(eligibility, 0);
        }
        ways.put(Attendance.IN_PERSON, 0);
        ways.put(Attendance.ONLINE, 0);
        int total = 0;
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int column = 1;
                String area = rows.getString(column++);
                int inArea = rows.getInt(column++);
                if (!area.isEmpty()) {
                    areas.put(area, inArea);
                }
                for (Eligibility eligibility : Eligibility.values()) {
                    whoFor.merge(eligibility, rows.getInt(column++), Integer::sum);
                }
                ways.merge(Attendance.IN_PERSON, rows.getInt(column++), Integer::sum);
                ways.merge(Attendance.ONLINE, rows.getInt(column++), Integer::sum);
                total += rows.getInt(column);
            }
        }
        return new Counted(total, new Facets(whoFor, areas, ways));
    }

    private record Counted(int total, Facets facets) {
    }

    /** The words and the age: what every count and the page share. */
    private void narrow(Statement sql) {
        sql.add(" WHERE 1 = 1");
        for (String word : words) {
            sql.add(" AND g.id IN (SELECT w.group_id FROM participation_group_word w WHERE w.word = ?)", word);
        }
        if (query.age() != null) {
            sql.add(" AND g.age_from <= ? AND g.age_to >= ?", query.age(), query.age());
        }
    }

    private Fragment whoFor() {
        return query.whoFor().isEmpty() ? Fragment.ALWAYS : fits(query.whoFor());
    }

    private static Fragment fits(Iterable<Eligibility> ticked) {
        StringBuilder sql = new StringBuilder("(g.").append(GroupRows.ELIGIBILITY_COLUMN.get(Eligibility.OPEN_TO_ALL));
        for (Eligibility eligibility : ticked) {
            sql.append(" OR g.").append(GroupRows.ELIGIBILITY_COLUMN.get(eligibility));
        }
        return new Fragment(sql.append(')').toString(), List.of());
    }

    private Fragment areas() {
        if (query.areas().isEmpty()) {
            return Fragment.ALWAYS;
        }
        return new Fragment("g.area IN (" + marks(query.areas().size()) + ")", List.copyOf(query.areas()));
    }

    private Fragment ways() {
        return query.ways().isEmpty() ? Fragment.ALWAYS : attendance(query.ways());
    }

    /** Groups that someone taking part any of these ways can join; a group doing both suits either. */
    private static Fragment attendance(Iterable<Attendance> ways) {
        List<Object> keys = new ArrayList<>();
        keys.add(Attendance.BOTH.key());
        ways.forEach(way -> keys.add(way.key()));
        return new Fragment("g.attendance IN (" + marks(keys.size()) + ")", keys);
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A condition and the parameters its question marks stand for. */
    private record Fragment(String sql, List<Object> parameters) {
        static final Fragment ALWAYS = new Fragment("1 = 1", List.of());
    }

    /** SQL built in pieces, each carrying its parameters, so marks and values never fall out of step. */
    private static final class Statement {
        private final StringBuilder sql;
        private final List<Object> parameters = new ArrayList<>();

        Statement(String start) {
            sql = new StringBuilder(start);
        }

        Statement append(String text) {
            sql.append(text);
            return this;
        }

        Statement append(Fragment fragment) {
            sql.append(fragment.sql());
            parameters.addAll(fragment.parameters());
            return this;
        }

        void add(String text, Object... values) {
            sql.append(text);
            parameters.addAll(List.of(values));
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            return statement;
        }
    }
}
