package dev.participation.groups.internal.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.api.storage.Sql;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;

/** How a group's details sit in a {@code participation_group} row, one column per field. */
final class GroupRows {

    static final String TABLE = "participation_group";

    /** The column that says a group is for people in this situation. */
    static final Map<Eligibility, String> ELIGIBILITY_COLUMN = eligibilityColumns();

    /** The columns {@link #bind} writes, in its order. */
    static final List<String> DETAIL_COLUMNS = List.of("name", "sort_key", "summary", "description", "youngest",
            "oldest", "first_school_year", "last_school_year", "age_from", "age_to", "for_in_care",
            "for_care_leaver", "for_send", "for_young_carer", "for_parent_or_carer", "for_lgbt_plus",
            "for_open_to_all", "meets_when", "term_time_only", "area", "venue", "attendance", "accessibility",
            "membership", "feeds_into_group", "feeds_into_board", "board_seats", "manager", "image_url",
            "image_alt", "last_reviewed");

    /** Everything the public may see: no manager, no editors' names. */
    static final String PUBLIC_COLUMNS = "g.slug, g.name, g.summary, g.description, g.youngest, g.oldest,"
            + " g.first_school_year, g.last_school_year, g.for_in_care, g.for_care_leaver, g.for_send,"
            + " g.for_young_carer, g.for_parent_or_carer, g.for_lgbt_plus, g.for_open_to_all, g.meets_when,"
            + " g.term_time_only, g.area, g.venue, g.attendance, g.accessibility, g.membership,"
            + " g.feeds_into_group, g.feeds_into_board, g.board_seats, g.image_url, g.image_alt, g.last_reviewed";

    static final String STAFF_COLUMNS = "g.id, g.version, g.manager, g.updated_at, g.updated_by, " + PUBLIC_COLUMNS;

    private GroupRows() {
    }

    /** Sets the {@link #DETAIL_COLUMNS}' parameters from {@code first} on; returns the next index. */
    static int bind(PreparedStatement statement, int first, GroupDetails details) throws SQLException {
        int i = first;
        WhoFor who = details.whoFor();
        statement.setString(i++, details.name());
        statement.setString(i++, SearchWords.sortKey(details.name()));
        statement.setString(i++, details.summary());
        statement.setString(i++, details.description());
        setInteger(statement, i++, who.youngest());
        setInteger(statement, i++, who.oldest());
        setInteger(statement, i++, who.firstYear() == null ? null : who.firstYear().number());
        setInteger(statement, i++, who.lastYear() == null ? null : who.lastYear().number());
        statement.setInt(i++, who.youngestFitting());
        statement.setInt(i++, who.oldestFitting());
        for (Eligibility eligibility : Eligibility.values()) {
            statement.setBoolean(i++, who.eligibility().contains(eligibility));
        }
        statement.setString(i++, details.meetings().when());
        statement.setBoolean(i++, details.meetings().termTimeOnly());
        statement.setString(i++, details.place().area().strip());
        statement.setString(i++, details.place().venue());
        statement.setString(i++, details.place().attendance().key());
        statement.setString(i++, details.accessibility());
        statement.setString(i++, details.membership().key());
        statement.setString(i++, details.feedsInto().group());
        statement.setString(i++, details.feedsInto().board());
        statement.setInt(i++, details.feedsInto().seats());
        statement.setString(i++, details.manager());
        statement.setString(i++, details.imageUrl());
        statement.setString(i++, details.imageAlt());
        if (details.lastReviewed() == null) {
            statement.setNull(i++, Types.DATE);
        } else {
            statement.setDate(i++, Date.valueOf(details.lastReviewed()));
        }
        return i;
    }

    /** A row read with {@link #STAFF_COLUMNS}. */
    static Group group(ResultSet row) throws SQLException {
        PublicGroup seen = publicGroup(row);
        GroupDetails details = new GroupDetails(seen.name(), seen.summary(), seen.description(), seen.whoFor(),
                seen.meetings(), seen.place(), seen.accessibility(), seen.membership(), seen.feedsInto(),
                row.getString("manager"), seen.imageUrl(), seen.imageAlt(), seen.lastReviewed());
        return new Group(row.getLong("id"), seen.slug(), row.getInt("version"), details,
                Sql.getInstant(row, "updated_at"), row.getString("updated_by"));
    }

    /** A row read with {@link #PUBLIC_COLUMNS}. */
    static PublicGroup publicGroup(ResultSet row) throws SQLException {
        Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
        for (Map.Entry<Eligibility, String> column : ELIGIBILITY_COLUMN.entrySet()) {
            if (row.getBoolean(column.getValue())) {
                eligibility.add(column.getKey());
            }
        }
        WhoFor who = new WhoFor(integer(row, "youngest"), integer(row, "oldest"), year(row, "first_school_year"),
                year(row, "last_school_year"), eligibility);
        Date reviewed = row.getDate("last_reviewed");
        LocalDate lastReviewed = reviewed == null ? null : reviewed.toLocalDate();
        return new PublicGroup(row.getString("slug"), row.getString("name"), row.getString("summary"),
                row.getString("description"), who,
                new Meetings(row.getString("meets_when"), row.getBoolean("term_time_only")),
                new Place(row.getString("area"), row.getString("venue"), known(Attendance.fromKey(
                        row.getString("attendance")).orElse(null), "attendance")),
                row.getString("accessibility"),
                known(Membership.fromKey(row.getString("membership")).orElse(null), "membership"),
                new FeedsInto(row.getString("feeds_into_group"), row.getString("feeds_into_board"),
                        row.getInt("board_seats")),
                row.getString("image_url"), row.getString("image_alt"), lastReviewed);
    }

    private static <T> T known(T value, String column) {
        if (value == null) {
            throw new IllegalStateException("Unknown value in participation_group." + column);
        }
        return value;
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static SchoolYear year(ResultSet row, String column) throws SQLException {
        Integer number = integer(row, column);
        return number == null ? null : SchoolYear.ofNumber(number).orElseThrow(
                () -> new IllegalStateException("Unknown school year in participation_group." + column));
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Map<Eligibility, String> eligibilityColumns() {
        Map<Eligibility, String> columns = new EnumMap<>(Eligibility.class);
        for (Eligibility eligibility : Eligibility.values()) {
            columns.put(eligibility, "for_" + eligibility.name().toLowerCase(java.util.Locale.ROOT));
        }
        return columns;
    }
}
