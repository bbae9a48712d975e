package dev.participation.groups.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.participation.groups.api.Groups;
import dev.participation.testing.json.JsonApiClient;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Both fragments merged into the portal's one document, as {@code /api/openapi.json} serves it:
 * nothing of them is left out, and a real parser finds the whole a valid OpenAPI 3.0 document.
 */
class OpenApiFragmentsTest {

    @Test
    void theMergedDocumentIsValidAndKeepsEveryPathAndSchema() throws Exception {
        Groups groups = mock(Groups.class);
        JsonApiClient client = new JsonApiClient(new GroupJsonResource(groups),
                new OpenReferralFeed(groups, OpenReferralFeedTest.config("", "", "")));

        JsonApiClient.Answer answer = client.get("/api/openapi.json");

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body());
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        JsonNode doc = answer.json();
        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/groups", "/api/groups/{slug}",
                "/api/open-referral", "/api/open-referral/services", "/api/open-referral/services/{id}");
        assertThat(doc.at("/components/schemas").fieldNames()).toIterable().contains("Group", "GroupList",
                "GroupFacets", "GroupWhoFor", "GroupSchoolYear", "GroupMeetings", "GroupPlace", "GroupFeedsInto",
                "GroupImage", "GroupEligibility", "OpenReferralAbout", "OpenReferralServicePage",
                "OpenReferralService");
        // Every property the group records carry is described.
        for (var component : GroupJson.Group.class.getRecordComponents()) {
            assertThat(doc.at("/components/schemas/Group/properties").has(component.getName()))
                    .as(component.getName()).isTrue();
        }
        for (var component : GroupJson.GroupList.class.getRecordComponents()) {
            assertThat(doc.at("/components/schemas/GroupList/properties").has(component.getName()))
                    .as(component.getName()).isTrue();
        }
    }
}
