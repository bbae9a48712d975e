package dev.participation.groups.internal.json;

import static dev.participation.groups.GroupExamples.MANAGER;
import static dev.participation.groups.GroupExamples.forum;
import static dev.participation.groups.GroupExamples.withChoices;
import static dev.participation.groups.GroupExamples.withPlace;
import static dev.participation.groups.GroupExamples.withWho;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.groups.internal.demo.GroupsDemoContent;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;
import dev.participation.testing.json.JsonApiClient;

/**
 * The Open Referral UK feed over the real store on H2 and PostgreSQL. The oracle is the standard's
 * own compiled JSON schemas (shipped in test resources, unchanged) and a real JSON Schema validator,
 * with format checks on, so a malformed UUID, address or email fails as surely as a missing field.
 */
@OwnSchema("groups") // GroupSchema.NAME, which the store keeps to itself
class OpenReferralFeedTest {

    static JsonSchema service;
    static JsonSchema serviceList;

    GroupStore groups;
    JsonApiClient client;

    @BeforeAll
    static void schemas() throws IOException {
        // The compiled schemas name no draft; HSDS 3.0 writes its schemas in draft 2020-12.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        service = factory.getSchema(schemaText("service.json"), config);
        serviceList = factory.getSchema(schemaText("service_list.json"), config);
    }

    private static String schemaText(String name) throws IOException {
        try (InputStream in = OpenReferralFeedTest.class.getResourceAsStream("/openreferral-uk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static OpenReferralConfiguration config(String pageAddress, String contactName, String contactEmail) {
        OpenReferralConfiguration config = mock(OpenReferralConfiguration.class);
        when(config.groupPageAddress()).thenReturn(pageAddress);
        when(config.contactName()).thenReturn(contactName);
        when(config.contactEmail()).thenReturn(contactEmail);
        return config;
    }

    @BeforeEach
    void directory(TestStorage db) {
        groups = new GroupStore(db.storage(), new AuditLogStore(db.platform(), db.clock()), db.clock());
        groups.create("youth-cabinet", withWho(forum("Youth Cabinet"), WhoFor.ages(16, 19, Eligibility.OPEN_TO_ALL)),
                "editor");
        groups.create("children-in-care-council", withChoices(withPlace(withWho(forum("Children in Care Council"),
                new WhoFor(11, 18, SchoolYear.YEAR_7, SchoolYear.YEAR_13,
                        Set.of(Eligibility.IN_CARE, Eligibility.CARE_LEAVER))), "Central", Attendance.BOTH),
                Membership.WAITING_LIST, null, MANAGER), "editor");
        groups.create("primary-parliament", withChoices(withWho(forum("Primary Parliament"),
                WhoFor.schoolYears(SchoolYear.YEAR_5, SchoolYear.YEAR_6, Eligibility.OPEN_TO_ALL)),
                Membership.CLOSED, LocalDate.of(2025, 9, 1), MANAGER), "editor");
        groups.create("parent-carer-forum", withPlace(withWho(forum("Parent Carer Forum"),
                WhoFor.anyAge(Eligibility.PARENT_OR_CARER, Eligibility.SEND)), "", Attendance.ONLINE), "editor");
        groups.create("young-carers", withWho(forum("Young Carers Forum"),
                WhoFor.ages(5, 19, Eligibility.YOUNG_CARER)), "editor");
        client = new JsonApiClient(new OpenReferralFeed(groups, config("https://www.example.gov.uk/groups/{slug}",
                "Participation team", "participation@example.gov.uk")));
    }

    private static List<String> problems(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
    }

    private List<JsonNode> everyService() {
        List<JsonNode> contents = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode answer = client.conforming("/api/open-referral/services?per_page=2&page=" + page, 200).json();
            assertThat(answer.get("page_number").asInt()).isEqualTo(page);
            assertThat(answer.get("total_items").asInt()).isEqualTo(5);
            assertThat(answer.get("total_pages").asInt()).isEqualTo(3);
            assertThat(answer.get("first_page").asBoolean()).isEqualTo(page == 1);
            assertThat(answer.get("last_page").asBoolean()).isEqualTo(page == 3);
            answer.get("contents").forEach(contents::add);
            assertThat(answer.get("size").asInt()).isEqualTo(answer.get("contents").size());
        }
        return contents;
    }

    @StoreTest
    void everyPageOfServicesValidatesAgainstTheStandardsListSchema() {
        List<JsonNode> contents = everyService();

        assertThat(contents).hasSize(5);
        for (JsonNode item : contents) {
            assertThat(problems(serviceList, item)).as(item.toString()).isEmpty();
        }
        assertThat(contents).extracting(s -> s.get("name").asText()).containsExactly("Children in Care Council",
                "Parent Carer Forum", "Primary Parliament", "Young Carers Forum", "Youth Cabinet");
    }

    @StoreTest
    void everyFullServiceValidatesAgainstTheStandardsServiceSchema() {
        for (JsonNode item : everyService()) {
            JsonApiClient.Answer answer = client.conforming("/api/open-referral/services/" + item.get("id").asText(),
                    200);
            JsonNode full = answer.json();
            assertThat(problems(service, full)).as(answer.body()).isEmpty();
            assertThat(full.get("name")).isEqualTo(item.get("name"));
            // The manager is staff; only the council's public contact is published.
            assertThat(answer.body()).doesNotContain(MANAGER).doesNotContain("editor");
            assertThat(full.at("/contacts/0/name").asText()).isEqualTo("Participation team");
            assertThat(full.get("email").asText()).isEqualTo("participation@example.gov.uk");
        }
    }

    @StoreTest
    void theDemoGroupsValidateToo(TestStorage db) {
        GroupStore demoStore = new GroupStore(db.storage(), new AuditLogStore(db.platform(), db.clock()), db.clock());
        new GroupsDemoContent(demoStore).install("system");
        JsonApiClient demo = new JsonApiClient(new OpenReferralFeed(demoStore, config("", "", "")));

        JsonNode page = demo.conforming("/api/open-referral/services?per_page=100", 200).json();

        // The demo leaves alone the groups above whose addresses it shares.
        assertThat(page.get("total_items").asInt()).isEqualTo(demoStore.all().size()).isGreaterThan(10);
        for (JsonNode item : page.get("contents")) {
            assertThat(problems(serviceList, item)).as(item.toString()).isEmpty();
            JsonNode full = demo.conforming("/api/open-referral/services/" + item.get("id").asText(), 200).json();
            assertThat(problems(service, full)).as(full.toString()).isEmpty();
        }
    }

    @StoreTest
    void aGroupMapsToAServiceWithAgesScheduleAreaLocationsAndEligibility() {
        String id = UUID.nameUUIDFromBytes("dev.participation.groups/service/children-in-care-council"
                .getBytes(StandardCharsets.UTF_8)).toString();

        JsonNode s = client.conforming("/api/open-referral/services/" + id, 200).json();

        assertThat(s.get("id").asText()).isEqualTo(id);
        assertThat(s.get("url").asText()).isEqualTo("https://www.example.gov.uk/groups/children-in-care-council");
        assertThat(s.get("status").asText()).isEqualTo("active");
        assertThat(s.get("alert").asText()).contains("waiting list");
        // Ages 11 to 18 and years 7 to 13 together.
        assertThat(s.get("minimum_age").asInt()).isEqualTo(11);
        assertThat(s.get("maximum_age").asInt()).isEqualTo(18);
        assertThat(s.has("assured_date")).isFalse();
        assertThat(s.at("/schedules/0/description").asText()).isEqualTo("Every other Wednesday, 5pm to 7pm");
        assertThat(s.at("/schedules/0/notes").asText()).contains("term time");
        assertThat(s.at("/service_areas/0/name").asText()).isEqualTo("Central");
        assertThat(s.get("service_at_locations")).extracting(l -> l.at("/location/location_type").asText())
                .containsExactly("physical", "virtual");
        assertThat(s.at("/service_at_locations/0/location/accessibility/0/description").asText())
                .isEqualTo("Step-free entrance and a quiet room.");
        assertThat(s.get("attributes")).extracting(a -> a.at("/taxonomy_term/term").asText())
                .containsExactlyInAnyOrder("in-care", "care-leaver");
        assertThat(s.at("/attributes/0/link_type").asText()).isEqualTo("eligibility");
    }

    @StoreTest
    void aClosedGroupIsTemporarilyClosedAndAnOnlineOneHasNoVenue() {
        JsonNode closed = client.conforming("/api/open-referral/services/" + OpenReferralServices.serviceId(
                "primary-parliament"), 200).json();
        assertThat(closed.get("status").asText()).isEqualTo("temporarily closed");
        assertThat(closed.get("assured_date").asText()).isEqualTo("2025-09-01");
        assertThat(closed.get("minimum_age").asInt()).isEqualTo(SchoolYear.YEAR_5.youngestAge());

        JsonNode online = client.conforming("/api/open-referral/services/" + OpenReferralServices.serviceId(
                "parent-carer-forum"), 200).json();
        assertThat(online.has("minimum_age")).isFalse();
        assertThat(online.has("maximum_age")).isFalse();
        assertThat(online.get("service_areas")).isEmpty();
        assertThat(online.get("service_at_locations")).extracting(l -> l.at("/location/location_type").asText())
                .containsExactly("virtual");
    }

    @StoreTest
    void withoutConfigurationNoAddressEmailOrContactIsMadeUp() {
        JsonApiClient bare = new JsonApiClient(new OpenReferralFeed(groups, config("http://insecure.example/{slug}", "",
                "not an email")));

        JsonNode s = bare.conforming("/api/open-referral/services/" + OpenReferralServices.serviceId("youth-cabinet"),
                200).json();

        assertThat(problems(service, s)).isEmpty();
        assertThat(s.has("url")).isFalse();
        assertThat(s.has("email")).isFalse();
        assertThat(s.get("contacts")).isEmpty();
        // The same group has the same id whichever node or configuration answers.
        assertThat(s.get("id").asText()).isEqualTo(OpenReferralServices.serviceId("youth-cabinet").toString());
    }

    @StoreTest
    void aBrokenServiceFailsValidation() {
        JsonNode good = client.get("/api/open-referral/services/" + OpenReferralServices.serviceId("youth-cabinet"))
                .json();
        assertThat(problems(service, good)).isEmpty();

        ObjectNode badStatus = good.deepCopy();
        badStatus.put("status", "open");
        assertThat(problems(service, badStatus)).isNotEmpty();
        ObjectNode badId = good.deepCopy();
        badId.put("id", "youth-cabinet");
        assertThat(problems(service, badId)).isNotEmpty();
        ObjectNode noName = good.deepCopy();
        noName.remove("name");
        assertThat(problems(service, noName)).isNotEmpty();
        ObjectNode badAge = good.deepCopy();
        badAge.put("minimum_age", "sixteen");
        assertThat(problems(serviceList, badAge)).isNotEmpty();
    }

    @StoreTest
    void searchNarrowsTheListAndBadQueriesAreProblems() {
        JsonNode found = client.conforming("/api/open-referral/services?search=parliament", 200).json();
        assertThat(found.get("total_items").asInt()).isEqualTo(1);
        JsonNode past = client.conforming("/api/open-referral/services?page=9", 200).json();
        assertThat(past.get("empty").asBoolean()).isTrue();
        assertThat(past.get("contents")).isEmpty();

        for (String query : List.of("page=0", "per_page=101", "per_page=two", "taxonomy_term_id=x", "minimum_age=5")) {
            JsonApiClient.Answer answer = client.get("/api/open-referral/services?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).isNotBlank();
        }
        client.conforming("/api/open-referral/services/" + UUID.randomUUID(), 404);
        assertThat(client.get("/api/open-referral/services/not-a-uuid").status()).isEqualTo(404);
        assertThat(client.get("/api/open-referral/taxonomies").status()).isEqualTo(404);
        assertThat(client.conforming("/api/open-referral", 200).json().get("version").asText()).isEqualTo("3.0");
    }
}
