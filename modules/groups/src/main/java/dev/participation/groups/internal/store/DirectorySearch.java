package dev.participation.groups.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Facets;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.PublicGroup;

/**
 * The directory's search, as two statements that H2 and PostgreSQL both run unchanged.
 *
 * <p>The words and the age narrow the rows first: each word is a join on the primary key of
 * {@code participation_group_word}, the age compares two columns. One grouped statement then
 * returns how many of those rows share each combination of area, attendance and eligibility, and
 * every facet count (each under the other facets' ticks) and the total are summed from these
 * combinations here. The page itself is the first rows in {@code (sort_key, id)} order that pass
 * every filter. A group open to all counts for, and is found by, every "who it is for" tick.
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
        sql.append(" AND ").append(whoFor()).append(" AND ").append(areas()).append(" AND ").append(ways());
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
        // One row per combination of area, attendance and eligibility among the narrowed groups
        // (a few hundred at most however many groups there are); the facets are counted from
        // these combinations here rather than with a CASE per facet value for every row.
        String eligibilityColumns = GroupRows.ELIGIBILITY_COLUMN.values().stream().map(c -> "g." + c)
                .collect(Collectors.joining(", "));
        Statement sql = new Statement("SELECT g.area, g.attendance, " + eligibilityColumns + ", COUNT(*) FROM "
                + GroupRows.TABLE + " g");
        narrow(sql);
        sql.add(" GROUP BY g.area, g.attendance, " + eligibilityColumns);

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
                String area = rows.getString(1);
                Attendance attendance = Attendance.fromKey(rows.getString(2)).orElseThrow(
                        () -> new IllegalStateException("Unknown value in participation_group.attendance"));
                Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
                int column = 3;
                for (Eligibility e : GroupRows.ELIGIBILITY_COLUMN.keySet()) {
                    if (rows.getBoolean(column++)) {
                        eligibility.add(e);
                    }
                }
                int count = rows.getInt(column);
                boolean whoForOk = query.whoFor().isEmpty() || fits(eligibility, query.whoFor());
                boolean areaOk = query.areas().isEmpty() || query.areas().contains(area);
                boolean wayOk = query.ways().isEmpty() || query.ways().stream().anyMatch(attendance::allows);
                if (!area.isEmpty()) {
                    areas.merge(area, whoForOk && wayOk ? count : 0, Integer::sum);
                }
                if (areaOk && wayOk) {
                    for (Eligibility e : Eligibility.values()) {
                        if (fits(eligibility, Set.of(e))) {
                            whoFor.merge(e, count, Integer::sum);
                        }
                    }
                }
                if (whoForOk && areaOk) {
                    for (Attendance way : List.of(Attendance.IN_PERSON, Attendance.ONLINE)) {
                        if (attendance.allows(way)) {
                            ways.merge(way, count, Integer::sum);
                        }
                    }
                }
                if (whoForOk && areaOk && wayOk) {
                    total += count;
                }
            }
        }
        return new Counted(total, new Facets(whoFor, areas, ways));
    }

    /** Whether a group for these people is shown for these ticks, in Java as {@link #fits(Iterable)} in SQL. */
    private static boolean fits(Set<Eligibility> groupIsFor, Set<Eligibility> ticked) {
        return groupIsFor.contains(Eligibility.OPEN_TO_ALL) || ticked.stream().anyMatch(groupIsFor::contains);
    }

    private record Counted(int total, Facets facets) {
    }

    /** The words and the age: what every count and the page share. */
    private void narrow(Statement sql) {
        // Each word is a join on the word table's primary key (word, group_id), which both
        // databases answer from the index.
        for (int i = 0; i < words.size(); i++) {
            sql.add(" JOIN participation_group_word w" + i + " ON w" + i + ".group_id = g.id AND w" + i + ".word = ?",
                    words.get(i));
        }
        sql.add(" WHERE 1 = 1");
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
