package dev.participation.groups.internal.json;

import static dev.participation.groups.GroupExamples.forum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.Groups;

/** Finding a service by its id reads every group only for an id this node has not seen yet. */
class OpenReferralLookupTest {

    private final Groups groups = mock(Groups.class);
    private final OpenReferralFeed feed = new OpenReferralFeed(groups, OpenReferralFeedTest.config("", "", ""));

    private static Group group(long id, String slug) {
        return new Group(id, slug, 1, forum("Group " + slug), Instant.parse("2026-03-01T10:00:00Z"), "edith");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String slug) {
        return (Map<String, Object>) feed.get(new JsonRequest(
                List.of("services", OpenReferralServices.serviceId(slug).toString()), Map.of(), Locale.UK));
    }

    @Test
    void aSeenIdIsReadDirectlyAndANewOneLooksAgain() {
        Group forum = group(1, "youth-forum");
        Group cabinet = group(2, "youth-cabinet");
        when(groups.all()).thenReturn(List.of(forum));
        when(groups.group(1)).thenReturn(Optional.of(forum));

        assertThat(get("youth-forum")).containsEntry("name", "Group youth-forum");
        assertThat(get("youth-forum")).containsEntry("name", "Group youth-forum");
        verify(groups, times(1)).all();

        // Added since (perhaps on another node): one more look at every group finds it.
        when(groups.all()).thenReturn(List.of(forum, cabinet));
        assertThat(get("youth-cabinet")).containsEntry("name", "Group youth-cabinet");
        verify(groups, times(2)).all();
    }

    @Test
    void aHintThatNoLongerFitsIsNeverTheAnswer() {
        Group forum = group(1, "youth-forum");
        when(groups.all()).thenReturn(List.of(forum));
        when(groups.group(1)).thenReturn(Optional.of(forum));
        get("youth-forum");

        // The row with that number now holds another group, and the forum is gone.
        when(groups.group(1)).thenReturn(Optional.of(group(1, "something-else")));
        when(groups.all()).thenReturn(List.of(group(1, "something-else")));

        assertThatThrownBy(() -> get("youth-forum"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
