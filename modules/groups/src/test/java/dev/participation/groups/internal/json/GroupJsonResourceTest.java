package dev.participation.groups.internal.json;

import static dev.participation.groups.GroupExamples.MANAGER;
import static dev.participation.groups.GroupExamples.forum;
import static dev.participation.groups.GroupExamples.withFeedsInto;
import static dev.participation.groups.GroupExamples.withImage;
import static dev.participation.groups.GroupExamples.withPlace;
import static dev.participation.groups.GroupExamples.withWho;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.JsonNode;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;
import dev.participation.testing.json.JsonApiClient;

/**
 * {@code /api/groups} over the real store on H2 and PostgreSQL, through the portal's JSON API: every
 * answer, problems included, must conform to the assembled OpenAPI document.
 */
@OwnSchema("groups") // GroupSchema.NAME, which the store keeps to itself
class GroupJsonResourceTest {

    JsonApiClient client;

    @BeforeEach
    void directory(TestStorage db) {
        GroupStore groups = new GroupStore(db.storage(), new AuditLogStore(db.platform(), db.clock()), db.clock());
        groups.create("youth-cabinet", withFeedsInto(withWho(forum("Youth Cabinet"),
                WhoFor.ages(16, 19, Eligibility.OPEN_TO_ALL)), FeedsInto.board("Full Council", 2)), "editor");
        groups.create("care-leavers-forum", withPlace(withWho(forum("Care Leavers Forum"),
                WhoFor.ages(16, 25, Eligibility.CARE_LEAVER)), "Central", Attendance.BOTH), "editor");
        groups.create("primary-parliament", withImage(withWho(forum("Primary Parliament"),
                WhoFor.schoolYears(SchoolYear.YEAR_5, SchoolYear.YEAR_6, Eligibility.OPEN_TO_ALL)), "", ""), "editor");
        groups.create("young-carers-online", withPlace(withWho(forum("Young Carers Online"),
                WhoFor.ages(5, 19, Eligibility.YOUNG_CARER)), "", Attendance.ONLINE), "editor");
        client = new JsonApiClient(new GroupJsonResource(groups));
    }

    private static List<String> slugs(JsonNode list) {
        List<String> slugs = new ArrayList<>();
        list.get("groups").forEach(g -> slugs.add(g.get("slug").asText()));
        return slugs;
    }

    @StoreTest
    void theWholeDirectoryIsOnePageWithFacetCountsAndNoManager() {
        JsonApiClient.Answer answer = client.conforming("/api/groups", 200);
        JsonNode list = answer.json();

        assertThat(slugs(list)).containsExactly("care-leavers-forum", "primary-parliament", "young-carers-online",
                "youth-cabinet");
        assertThat(list.get("total").asInt()).isEqualTo(4);
        assertThat(list.get("page").asInt()).isEqualTo(1);
        // Ticking "care leavers" shows their forum and the two groups open to everyone.
        assertThat(list.at("/facets/whoFor/care-leaver").asInt()).isEqualTo(3);
        // The care leavers' forum meets both ways, so it counts for online too.
        assertThat(list.at("/facets/ways/online").asInt()).isEqualTo(2);
        assertThat(list.at("/facets/areas/North").asInt()).isEqualTo(2);
        assertThat(answer.body()).doesNotContain(MANAGER).doesNotContain("manager").doesNotContain("editor");
    }

    @StoreTest
    void aFifteenYearOldCareLeaverFindsTheGroupsThatFitThem() {
        JsonNode list = client.conforming("/api/groups?age=15&for=care-leaver", 200).json();

        // Open-to-all groups fit every tick; the care leavers' forum starts at 16.
        assertThat(slugs(list)).isEmpty();
        list = client.conforming("/api/groups?age=16&for=care-leaver", 200).json();
        assertThat(slugs(list)).containsExactly("care-leavers-forum", "youth-cabinet");
        list = client.conforming("/api/groups?age=16&for=care-leaver&way=online", 200).json();
        assertThat(slugs(list)).containsExactly("care-leavers-forum");
        list = client.conforming("/api/groups?q=parliament&area=North", 200).json();
        assertThat(slugs(list)).containsExactly("primary-parliament");
    }

    @StoreTest
    void pagesFollowOneAnother() {
        JsonNode second = client.conforming("/api/groups?size=3&page=2", 200).json();

        assertThat(slugs(second)).containsExactly("youth-cabinet");
        assertThat(second.get("total").asInt()).isEqualTo(4);
        assertThat(slugs(client.conforming("/api/groups?size=3&page=3", 200).json())).isEmpty();
    }

    @StoreTest
    void oneGroupHasEverythingThePublicMaySee() {
        JsonApiClient.Answer answer = client.conforming("/api/groups/youth-cabinet", 200);
        JsonNode group = answer.json();

        assertThat(group.get("name").asText()).isEqualTo("Youth Cabinet");
        assertThat(group.at("/whoFor/youngest").asInt()).isEqualTo(16);
        assertThat(group.at("/whoFor/eligibility/0").asText()).isEqualTo("open-to-all");
        assertThat(group.at("/feedsInto/board").asText()).isEqualTo("Full Council");
        assertThat(group.at("/feedsInto/seats").asInt()).isEqualTo(2);
        assertThat(group.at("/place/attendance").asText()).isEqualTo("in-person");
        assertThat(group.at("/meetings/termTimeOnly").asBoolean()).isTrue();
        assertThat(group.at("/image/alt").asText()).isNotBlank();
        assertThat(group.get("lastReviewed").asText()).isEqualTo("2026-01-15");
        assertThat(answer.body()).doesNotContain(MANAGER);

        JsonNode primary = client.conforming("/api/groups/primary-parliament", 200).json();
        assertThat(primary.at("/whoFor/firstSchoolYear").asText()).isEqualTo("year-5");
        assertThat(primary.has("image")).isFalse();
        assertThat(primary.has("feedsInto")).isFalse();
    }

    @StoreTest
    void unknownGroupsAreNotFound() {
        assertThat(client.conforming("/api/groups/no-such-group", 404).contentType())
                .startsWith("application/problem+json");
        assertThat(client.get("/api/groups/youth-cabinet/members").status()).isEqualTo(404);
        assertThat(client.get("/api/groups/Not%20A%20Slug").status()).isEqualTo(404);
    }

    @StoreTest
    void badFiltersAreProblemsThatSayWhatIsWrong() {
        for (String query : List.of("age=-1", "age=200", "age=ten", "age=1.5", "for=aliens", "way=both",
                "way=teleport", "page=0", "page=99999999999", "size=0", "size=101", "size=x", "area=",
                "q=" + "a".repeat(201), "colour=blue", "age=1&age=2")) {
            JsonApiClient.Answer answer = client.get("/api/groups?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).as(query).isNotBlank();
        }
        assertThat(client.get("/api/groups?age=200").json().get("detail").asText()).contains("'age'", "0 to 120");
        assertThat(client.get("/api/groups?colour=blue").json().get("detail").asText()).contains("'colour'");
        // Markup is just words to search for.
        assertThat(slugs(client.conforming("/api/groups?q=%3Cscript%3E", 200).json())).isEmpty();
    }

    @StoreTest
    void aSearchMatchingNothingIsAnEmptyPage() {
        JsonNode list = client.conforming("/api/groups?for=lgbt-plus&for=send&way=online&age=3", 200).json();

        assertThat(list.get("total").asInt()).isZero();
        assertThat(list.get("facets").get("whoFor").size()).isEqualTo(Set.of(Eligibility.values()).size());
    }
}
