package dev.participation.groups.api;

import static dev.participation.groups.GroupExamples.forum;
import static dev.participation.groups.GroupExamples.withChoices;
import static dev.participation.groups.GroupExamples.withFeedsInto;
import static dev.participation.groups.GroupExamples.withImage;
import static dev.participation.groups.GroupExamples.withText;
import static dev.participation.groups.GroupExamples.withWho;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import dev.participation.api.widget.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static Map<String, Message> check(GroupDetails details) {
        return GroupRules.check(details, TODAY);
    }

    @Test
    void aCompleteGroupIsAccepted() {
        assertThat(check(forum("Youth Forum"))).isEmpty();
    }

    @Test
    void nameAndSummaryAreRequiredAndLimited() {
        Map<String, Message> errors = check(withText(forum("x"), " ", "", "d".repeat(GroupRules.TEXT_MAX + 1)));
        assertThat(errors).containsEntry("name", Message.of("groups.error.required"))
                .containsEntry("summary", Message.of("groups.error.required"))
                .containsEntry("description", Message.of("groups.error.tooLong", GroupRules.TEXT_MAX));
    }

    @Test
    void aNulOrADirectionOverrideInAnyTextIsRefusedBesideItsField() {
        Map<String, Message> errors = check(withText(forum("x"), "Youth\u0000Forum", "A forum\u202E", "Line one\nLine two"));
        assertThat(errors).containsOnlyKeys("name", "summary");
        assertThat(errors.get("name")).isEqualTo(Message.of("groups.error.characters"));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        // 120 emoji are 240 UTF-16 units but 120 characters, which is allowed.
        assertThat(check(withText(forum("x"), "\uD83D\uDE00".repeat(GroupRules.NAME_MAX), "s", ""))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 26, 200})
    void agesOutsideZeroToTwentyFiveAreRefused(int age) {
        Map<String, Message> errors = check(withWho(forum("x"),
                new WhoFor(age, null, null, null, Set.of(Eligibility.OPEN_TO_ALL))));
        assertThat(errors).containsOnlyKeys("whoFor.youngest")
                .containsEntry("whoFor.youngest", Message.of("groups.error.age", 0, 25));
    }

    @Test
    void theOldestAgeCannotBeBelowTheYoungest() {
        assertThat(check(withWho(forum("x"), WhoFor.ages(16, 12, Eligibility.OPEN_TO_ALL))))
                .containsOnlyKeys("whoFor.oldest")
                .containsEntry("whoFor.oldest", Message.of("groups.error.agesInOrder"));
        assertThat(check(withWho(forum("x"), WhoFor.ages(14, 14, Eligibility.OPEN_TO_ALL)))).isEmpty();
    }

    @Test
    void schoolYearsComeInOrderAndInPairs() {
        assertThat(check(withWho(forum("x"),
                WhoFor.schoolYears(SchoolYear.YEAR_6, SchoolYear.YEAR_5, Eligibility.OPEN_TO_ALL))))
                .containsOnlyKeys("whoFor.lastYear");
        assertThat(check(withWho(forum("x"),
                new WhoFor(null, null, SchoolYear.YEAR_5, null, Set.of(Eligibility.OPEN_TO_ALL)))))
                .containsEntry("whoFor.lastYear", Message.of("groups.error.schoolYearsBoth"));
        assertThat(check(withWho(forum("x"),
                WhoFor.schoolYears(SchoolYear.RECEPTION, SchoolYear.YEAR_13, Eligibility.OPEN_TO_ALL)))).isEmpty();
    }

    @Test
    void agesAndSchoolYearsThatShareNoChildAreRefused() {
        // Year 5 and 6 children are 9 to 11: a group also limited to 16 to 19 would fit nobody.
        assertThat(check(withWho(forum("x"), new WhoFor(16, 19, SchoolYear.YEAR_5, SchoolYear.YEAR_6,
                Set.of(Eligibility.OPEN_TO_ALL))))).containsOnlyKeys("whoFor.firstYear");
    }

    @Test
    void aGroupMustSayWhoItIsFor() {
        assertThat(check(withWho(forum("x"), WhoFor.ages(5, 19)))).containsOnlyKeys("whoFor.eligibility");
    }

    @Test
    void meetingPlaceAndMembershipChoicesAreRequired() {
        GroupDetails d = forum("x");
        GroupDetails unchosen = new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(), d.meetings(),
                new Place("", "", null), d.accessibility(), null, d.feedsInto(), d.manager(), d.imageUrl(),
                d.imageAlt(), d.lastReviewed());
        assertThat(check(unchosen)).containsOnlyKeys("place.attendance", "membership");
    }

    @Test
    void aGroupNeedsAManagerAndAReviewDateThatIsNotInTheFuture() {
        assertThat(check(withChoices(forum("x"), Membership.CLOSED, TODAY.plusDays(1), "")))
                .containsOnlyKeys("manager", "lastReviewed");
        assertThat(check(withChoices(forum("x"), Membership.CLOSED, null, "m"))).isEmpty();
    }

    @Test
    void aGroupFeedsIntoAGroupOrABoardWithSeatsThere() {
        assertThat(check(withFeedsInto(forum("x"), new FeedsInto("youth-cabinet", "Corporate Parenting Board", 2))))
                .containsOnlyKeys("feedsInto.board");
        assertThat(check(withFeedsInto(forum("x"), FeedsInto.group("Youth Cabinet!", 2))))
                .containsOnlyKeys("feedsInto.group");
        assertThat(check(withFeedsInto(forum("x"), new FeedsInto("", "", 3))))
                .containsEntry("feedsInto.seats", Message.of("groups.error.seatsWithoutBoard"));
        assertThat(check(withFeedsInto(forum("x"), FeedsInto.board("Corporate Parenting Board", -1))))
                .containsEntry("feedsInto.seats", Message.of("groups.error.seats", 0, GroupRules.SEATS_MAX));
        assertThat(check(withFeedsInto(forum("x"), FeedsInto.board("Corporate Parenting Board", 4)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/a.png", "//evil.example/a.png", "/\\evil.example/a.png",
            "javascript:alert(1)", "/ space.png", "https:///x.png"})
    void picturesMustBeOnThisSiteOrOnHttps(String url) {
        assertThat(check(withImage(forum("x"), url, "A picture"))).containsOnlyKeys("imageUrl");
    }

    @Test
    void aPictureNeedsAltTextButNoPictureNeedsNone() {
        assertThat(check(withImage(forum("x"), "https://cdn.example.org/a.jpg", " ")))
                .containsOnlyKeys("imageAlt");
        assertThat(check(withImage(forum("x"), "", ""))).isEmpty();
    }

    @Test
    void everyErrorHasWordsInTheLanguageFile() throws IOException {
        Properties words = new Properties();
        try (InputStream in = GroupRules.class.getResourceAsStream("/dev/participation/groups/shared/Language.properties")) {
            words.load(in);
        }
        GroupDetails d = forum("x");
        GroupDetails everythingWrong = new GroupDetails("", "s".repeat(400), "", new WhoFor(-1, 30, SchoolYear.YEAR_9,
                null, Set.of()), d.meetings(), new Place("", "", null), "", null, new FeedsInto("a", "b", 99), "",
                "ftp://x", "", TODAY.plusYears(1));
        Map<String, Message> errors = check(everythingWrong);
        assertThat(errors).hasSizeGreaterThan(10);
        errors.values().forEach(message -> assertThat(words).containsKey(message.key()));
        assertThat(words).containsKeys("groups.error.slug", "groups.error.slugTaken", "groups.error.feedsIntoUnknown",
                "groups.error.feedsIntoItself", "groups.error.agesInOrder", "groups.error.schoolYearsInOrder",
                "groups.error.agesAndYearsApart", "groups.error.seatsWithoutBoard", "groups.error.groupOrBoard");
        for (Eligibility e : Eligibility.values()) {
            assertThat(words).containsKey("groups.eligibility." + e.key());
        }
    }

    @Test
    void schoolYearsGiveTheAgesOfTheChildrenInThem() {
        WhoFor primaryParliament = WhoFor.schoolYears(SchoolYear.YEAR_5, SchoolYear.YEAR_6, Eligibility.OPEN_TO_ALL);
        assertThat(primaryParliament.fitsAge(8)).isFalse();
        assertThat(primaryParliament.fitsAge(9)).isTrue();
        assertThat(primaryParliament.fitsAge(11)).isTrue();
        assertThat(primaryParliament.fitsAge(12)).isFalse();
        assertThat(WhoFor.anyAge(Eligibility.PARENT_OR_CARER).fitsAge(45)).isTrue();
    }
}
