package dev.participation.groups.internal.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.WhoFor;

import org.junit.jupiter.api.Test;

class GovernanceMapTest {

    static PublicGroup group(String slug, String name, FeedsInto feedsInto) {
        return new PublicGroup(slug, name, "Summary.", "", WhoFor.anyAge(), new Meetings("", false),
                new Place("North", "", Attendance.IN_PERSON), "", Membership.OPEN, feedsInto, "", "",
                LocalDate.of(2025, 1, 1));
    }

    @Test
    void boardsStandAtTheTopWithTheGroupsFeedingThemAndTheirSeats() {
        List<MapNode> map = GovernanceMap.of(List.of(
                group("cabinet", "Youth Cabinet", FeedsInto.board("Partnership Board", 2)),
                group("council", "Youth Council", FeedsInto.group("cabinet", 3)),
                group("cicc", "Children in Care Council", FeedsInto.board("Corporate Parenting Board", 2)),
                group("leavers", "Care Leavers Forum", FeedsInto.board("corporate parenting board", 1)),
                group("alone", "Book Club", FeedsInto.NOWHERE)), slug -> "/groups?group=" + slug);

        assertThat(map).extracting(MapNode::name).containsExactly("Corporate Parenting Board", "Partnership Board",
                "Book Club");
        MapNode corporate = map.get(0);
        assertThat(corporate.board()).isTrue();
        assertThat(corporate.href()).isEmpty();
        assertThat(corporate.feeders()).extracting(MapNode::name, MapNode::seats)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Children in Care Council", 2),
                        org.assertj.core.groups.Tuple.tuple("Care Leavers Forum", 1));
        MapNode cabinet = map.get(1).feeders().get(0);
        assertThat(cabinet.href()).isEqualTo("/groups?group=cabinet");
        assertThat(cabinet.feeders()).extracting(MapNode::name, MapNode::seats)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Youth Council", 3));
        assertThat(map.get(2).feeders()).isEmpty();
    }

    @Test
    void aGroupFeedingOneNoLongerListedStandsAlone() {
        List<MapNode> map = GovernanceMap.of(List.of(group("council", "Youth Council", FeedsInto.group("gone", 1))),
                slug -> slug);

        assertThat(map).extracting(MapNode::name).containsExactly("Youth Council");
    }

    @Test
    void groupsFeedingEachOtherInARingAreEachShownOnce() {
        List<MapNode> map = GovernanceMap.of(List.of(group("a", "A", FeedsInto.group("b", 1)),
                group("b", "B", FeedsInto.group("a", 1))), slug -> slug);

        assertThat(map).hasSize(1);
        assertThat(map.get(0).name()).isEqualTo("A");
        assertThat(map.get(0).feeders()).extracting(MapNode::name).containsExactly("B");
    }
}
