package dev.participation.groups.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Facets;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.internal.store.DirectoryIndex.Entry;

/**
 * One directory search. The words and the age narrow the groups; each remaining group then counts
 * towards every facet value whose other facets' ticks it passes, so a value's count is what ticking
 * it would show. The page is the groups passing every filter in {@code (sort_key, id)} order, read
 * from the database by id (public columns only). A group open to all counts for, and is found by,
 * every "who it is for" tick.
 */
final class DirectorySearch {

    private final GroupQuery query;
    private final Set<String> words;

    DirectorySearch(GroupQuery query) {
        this.query = query;
        this.words = SearchWords.of(query.text());
    }

    DirectoryPage run(Connection connection, DirectoryIndex index) throws SQLException {
        Map<String, Integer> areas = new HashMap<>();
        Map<Eligibility, Integer> whoFor = new EnumMap<>(Eligibility.class);
        Map<Attendance, Integer> ways = new EnumMap<>(Attendance.class);
        int ticked = mask(query.whoFor());
        int[] whoForCounts = new int[Eligibility.values().length];
        int inPerson = 0;
        int online = 0;
        List<Long> matching = new ArrayList<>();
        for (Entry group : index.current(connection)) {
            if (!narrowedIn(group)) {
                continue;
            }
            int its = group.eligibilityMask();
            boolean whoForOk = ticked == 0 || fits(its, ticked);
            boolean areaOk = query.areas().isEmpty() || query.areas().contains(group.area());
            boolean wayOk = query.ways().isEmpty() || query.ways().contains(group.attendance())
                    || group.attendance() == Attendance.BOTH;
            if (!group.area().isEmpty()) {
                areas.merge(group.area(), whoForOk && wayOk ? 1 : 0, Integer::sum);
            }
            if (areaOk && wayOk) {
                for (Eligibility e : Eligibility.values()) {
                    if (fits(its, 1 << e.ordinal())) {
                        whoForCounts[e.ordinal()]++;
                    }
                }
            }
            if (whoForOk && areaOk) {
                inPerson += group.attendance().allows(Attendance.IN_PERSON) ? 1 : 0;
                online += group.attendance().allows(Attendance.ONLINE) ? 1 : 0;
            }
            if (whoForOk && areaOk && wayOk) {
                matching.add(group.id());
            }
        }
        for (Eligibility e : Eligibility.values()) {
            whoFor.put(e, whoForCounts[e.ordinal()]);
        }
        ways.put(Attendance.IN_PERSON, inPerson);
        ways.put(Attendance.ONLINE, online);
        int from = Math.min(query.first(), matching.size());
        int to = Math.min(from + query.size(), matching.size());
        return new DirectoryPage(read(connection, matching.subList(from, to)), matching.size(),
                new Facets(whoFor, areas, ways));
    }

    /** The words and the age: what every count and the page share. */
    private boolean narrowedIn(Entry group) {
        return (query.age() == null || group.ageFrom() <= query.age() && group.ageTo() >= query.age())
                && (words.isEmpty() || group.words().containsAll(words));
    }

    // Eligibility as bits (1 << ordinal): this loop runs for every group on every search.
    private static final int OPEN_TO_ALL = 1 << Eligibility.OPEN_TO_ALL.ordinal();

    private static boolean fits(int groupIsFor, int ticked) {
        return (groupIsFor & (OPEN_TO_ALL | ticked)) != 0;
    }

    static int mask(Set<Eligibility> eligibility) {
        int mask = 0;
        for (Eligibility e : eligibility) {
            mask |= 1 << e.ordinal();
        }
        return mask;
    }

    /** The page's groups, public columns only, in the order of {@code ids}. */
    private static List<PublicGroup> read(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PublicGroup> byId = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT g.id, " + GroupRows.PUBLIC_COLUMNS
                + " FROM " + GroupRows.TABLE + " g WHERE g.id IN (" + String.join(", ",
                        Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                query.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byId.put(rows.getLong("id"), GroupRows.publicGroup(rows));
                }
            }
        }
        List<PublicGroup> page = new ArrayList<>();
        for (Long id : ids) {
            // A group is never deleted, so every id the index holds has its row.
            page.add(byId.get(id));
        }
        return page;
    }
}
