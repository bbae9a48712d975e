package dev.participation.groups.internal.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.Message;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.GroupQuery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryFilterTest {

    private static DirectoryFilter read(Map<String, List<String>> parameters) {
        return DirectoryFilter.read(parameters, Optional.empty());
    }

    @Test
    void aFifteenYearOldCareLeaverInPersonIsOneSearch() {
        DirectoryFilter filter = read(Map.of("age", List.of("15"), "who", List.of("care-leaver"), "way",
                List.of("in-person"), "filtered", List.of("1")));

        assertThat(filter.valid()).isTrue();
        GroupQuery query = filter.query(10, Optional.empty());
        assertThat(query.age()).isEqualTo(15);
        assertThat(query.whoFor()).containsExactly(Eligibility.CARE_LEAVER);
        assertThat(query.ways()).containsExactly(Attendance.IN_PERSON);
        assertThat(query.first()).isZero();
        assertThat(query.size()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "200", "121", "abc", "15.5", "1e3", "<b>9</b>"})
    void anAgeThatIsNotAWholeNumberFrom0To120IsAMessageNotAnException(String typed) {
        DirectoryFilter filter = read(Map.of("age", List.of(typed)));

        assertThat(filter.valid()).isFalse();
        assertThat(filter.errors()).containsEntry("age", Message.of("groups.error.age", 0, 120));
        assertThat(filter.ageTyped()).isEqualTo(typed.strip());
    }

    @Test
    void theEdgesOfTheAgeRangeAreAccepted() {
        assertThat(read(Map.of("age", List.of("0"))).age()).isZero();
        assertThat(read(Map.of("age", List.of(" 120 "))).age()).isEqualTo(120);
    }

    @Test
    void anUnknownTickIsAMessageAndTheKnownTicksAreKept() {
        DirectoryFilter filter = read(Map.of("who", List.of("care-leaver", "wizards"), "way", List.of("both")));

        assertThat(filter.errors()).containsOnlyKeys("who", "way");
        assertThat(filter.whoFor()).containsExactly(Eligibility.CARE_LEAVER);
        assertThat(filter.whoTyped()).containsExactly("care-leaver", "wizards");
    }

    @Test
    void wordsOverTheLimitAreAMessage() {
        assertThat(read(Map.of("q", List.of("x".repeat(101)))).errors()).containsOnlyKeys("q");
        assertThat(read(Map.of("q", List.of("x".repeat(100)))).valid()).isTrue();
    }

    @Test
    void aLinkCarriesTicksJoinedAndReadsBackAsTheSameSearch() {
        DirectoryFilter filter = read(Map.of("who", List.of("in-care", "care-leaver"), "area",
                List.of("North", "Town centre"), "age", List.of("15"), "filtered", List.of("1"), "page",
                List.of("2")));

        Map<String, String> link = filter.linkParameters();
        Map<String, List<String>> back = new java.util.HashMap<>();
        link.forEach((k, v) -> back.put(k, List.of(v)));
        DirectoryFilter again = read(back);

        assertThat(again.query(10, Optional.empty())).isEqualTo(filter.query(10, Optional.empty()));
        assertThat(again.page()).isEqualTo(2);
        assertThat(again.query(10, Optional.empty()).first()).isEqualTo(10);
    }

    @Test
    void theDefaultTickAppliesOnlyUntilTheVisitorSendsTheForm() {
        Optional<Eligibility> careLeaver = Optional.of(Eligibility.CARE_LEAVER);

        assertThat(DirectoryFilter.read(Map.of(), careLeaver).whoFor()).containsExactly(Eligibility.CARE_LEAVER);
        assertThat(DirectoryFilter.read(Map.of("filtered", List.of("1")), careLeaver).whoFor()).isEmpty();
        assertThat(DirectoryFilter.read(Map.of("age", List.of("12")), careLeaver).whoFor()).isEmpty();
    }

    @Test
    void aPageThatIsNotANumberIsTheFirstAndAHugeOneIsCapped() {
        assertThat(read(Map.of("page", List.of("abc"))).page()).isEqualTo(1);
        assertThat(read(Map.of("page", List.of("0"))).page()).isEqualTo(1);
        assertThat(read(Map.of("page", List.of("99999"))).page()).isEqualTo(DirectoryFilter.PAGE_MAX);
        assertThat(read(Map.of("page", List.of("99999"))).query(50, Optional.empty()).first()).isPositive();
    }

    @Test
    void aScopeReplacesTheVisitorsTicksOfWhoItIsFor() {
        DirectoryFilter filter = read(Map.of("who", List.of("send")));

        assertThat(filter.query(10, Optional.of(Eligibility.YOUNG_CARER)).whoFor())
                .isEqualTo(Set.of(Eligibility.YOUNG_CARER));
    }

    @Test
    void nothingNarrowedHasNothingToClear() {
        assertThat(read(Map.of("filtered", List.of("1"))).narrowed()).isFalse();
        assertThat(read(Map.of("area", List.of("North"))).narrowed()).isTrue();
    }
}
