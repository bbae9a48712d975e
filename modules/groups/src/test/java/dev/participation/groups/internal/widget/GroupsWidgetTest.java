package dev.participation.groups.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Facets;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.WhoFor;
import dev.participation.groups.internal.join.AskToJoin;
import dev.participation.testing.FakeWidgetRequest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class GroupsWidgetTest {

    private final Groups groups = mock(Groups.class);
    private final AskToJoin askToJoin = mock(AskToJoin.class);
    private final GroupsWidget widget = new GroupsWidget(groups);

    static PublicGroup group(String slug, String name, Membership membership) {
        return new PublicGroup(slug, name, "A summary of " + name + ".", "What we do.\nWhen we meet.",
                WhoFor.ages(16, 25, Eligibility.CARE_LEAVER), new Meetings("First Tuesday, 6pm", false),
                new Place("", "", Attendance.ONLINE), "Join by phone or video.", membership,
                FeedsInto.board("Corporate Parenting Board", 1), "/images/forum.jpg", "Young people talking",
                LocalDate.of(2025, 10, 20));
    }

    private static final PublicGroup OPEN = group("care-leavers-forum", "Care Leavers Forum", Membership.OPEN);
    private static final PublicGroup CLOSED = group("young-inspectors", "Young Inspectors", Membership.CLOSED);

    @BeforeEach
    void directory() {
        when(groups.find(anyString())).thenReturn(Optional.empty());
        when(groups.find(OPEN.slug())).thenReturn(Optional.of(OPEN));
        when(groups.find(CLOSED.slug())).thenReturn(Optional.of(CLOSED));
        when(groups.search(any())).thenReturn(new DirectoryPage(List.of(OPEN, CLOSED), 2, facets()));
    }

    static Facets facets() {
        Map<Eligibility, Integer> who = new HashMap<>();
        for (Eligibility e : Eligibility.values()) {
            who.put(e, e == Eligibility.CARE_LEAVER ? 2 : 0);
        }
        return new Facets(who, Map.of("North", 1), Map.of(Attendance.IN_PERSON, 1, Attendance.ONLINE, 2));
    }

    private static FakeWidgetRequest request() {
        return FakeWidgetRequest.on("groups").preferences(defaults()).namespaced("ns_");
    }

    static Map<String, String> defaults() {
        Map<String, String> prefs = new HashMap<>();
        for (PreferenceDefinition p : GroupsWidget.TYPE.preferences()) {
            prefs.put(p.key(), p.defaultValue());
        }
        return prefs;
    }

    private static Document html(WidgetView view) {
        return Jsoup.parseBodyFragment(view.html());
    }

    @Test
    void theDirectoryIsAGetFormWhoseFieldsTheHostPassesBack() {
        Document page = html(widget.render(request()));

        assertThat(page.select("form").attr("method")).isEqualTo("get");
        assertThat(page.select("form").attr("action")).isEqualTo("/groups");
        assertThat(page.select("form input[name=ns_age]").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("label[for=ns_age]").text()).isEqualTo("How old are you?");
        assertThat(page.select("input[type=checkbox][name=ns_who]")).extracting(e -> e.attr("value"))
                .contains("care-leaver", "in-care").doesNotContain("open-to-all");
        assertThat(page.select("label[for=ns_who-2]").text()).isEqualTo("Care leavers (2)");
        assertThat(page.select("input[name=ns_filtered]").attr("type")).isEqualTo("hidden");
        assertThat(page.select("[role=status]").text()).isEqualTo("2 groups found");
        assertThat(page.select(".pw-groups__result a")).extracting(e -> e.attr("href"))
                .containsExactly("/groups?group=care-leavers-forum", "/groups?group=young-inspectors");
    }

    @Test
    void ticksAndAgeReachTheSearchAndStayTicked() {
        Document page = html(widget.render(request().with("age", "15").withAll("who", "care-leaver")
                .with("filtered", "1")));

        ArgumentCaptor<GroupQuery> query = ArgumentCaptor.forClass(GroupQuery.class);
        verify(groups).search(query.capture());
        assertThat(query.getValue().age()).isEqualTo(15);
        assertThat(query.getValue().whoFor()).containsExactly(Eligibility.CARE_LEAVER);
        assertThat(page.select("input[name=ns_age]").val()).isEqualTo("15");
        assertThat(page.select("input[value=care-leaver]").hasAttr("checked")).isTrue();
        assertThat(page.select("a:contains(Clear filters)").attr("href")).isEqualTo("/groups?filtered=1");
    }

    @Test
    void aPortalsViewLinkTravelsAsHiddenFields() {
        WidgetRequest portal = mock(WidgetRequest.class);
        FakeWidgetRequest fake = request();
        when(portal.preferences()).thenReturn(fake.preferences());
        when(portal.locale()).thenReturn(java.util.Locale.UK);
        when(portal.parameters()).thenReturn(Map.of());
        when(portal.namespace()).thenReturn("_groups_");
        dev.participation.api.widget.Links links = mock(dev.participation.api.widget.Links.class);
        when(links.view(any())).thenReturn("/web/guest/groups?p_p_id=groups&p_p_lifecycle=0");
        when(links.asset(anyString())).thenReturn("/o/groups.css");
        when(portal.links()).thenReturn(links);

        Document page = html(widget.render(portal));

        assertThat(page.select("form").attr("action")).isEqualTo("/web/guest/groups");
        assertThat(page.select("form input[type=hidden][name=p_p_id]").val()).isEqualTo("groups");
        assertThat(page.select("form input[type=hidden][name=p_p_lifecycle]").val()).isEqualTo("0");
        assertThat(page.select("form input[name=_groups_age]")).hasSize(1);
    }

    @Test
    void badFiltersGetMessagesBesideTheFieldAndInTheSummaryAndNoSearch() {
        Document page = html(widget.render(request().with("age", "200").withAll("who", "wizards")));

        verify(groups, never()).search(any());
        assertThat(page.select(".govuk-error-summary a")).extracting(e -> e.attr("href"))
                .containsExactly("#ns_age", "#ns_who");
        assertThat(page.select("#ns_age-error").text()).contains("Enter an age from 0 to 120");
        assertThat(page.select("#ns_who-error").text()).contains("Choose who the group is for from the list");
        assertThat(page.select("input[name=ns_age]").val()).isEqualTo("200");
        assertThat(page.select("[role=status]").text()).contains("Correct them");
    }

    @Test
    void aGroupsPageShowsWhatThePublicMaySeeAndGoesBackToTheSearch() {
        WidgetView view = widget.render(request().with("group", OPEN.slug()).with("age", "17"));
        Document page = html(view);

        assertThat(view.title()).contains("Care Leavers Forum");
        assertThat(view.status()).isEqualTo(WidgetView.OK);
        assertThat(page.select(".govuk-back-link").attr("href")).isEqualTo("/groups?age=17&filtered=1");
        assertThat(page.select("img").attr("alt")).isEqualTo("Young people talking");
        assertThat(page.text()).contains("Ages 16 to 25", "Care leavers", "Corporate Parenting Board",
                "Young people hold 1 seat there", "Join by phone or video.", "20 October 2025");
        // No join form installed: no way to ask.
        assertThat(page.text()).doesNotContain("Ask to join");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        WidgetView view = widget.render(request().with("group", "no-such-group"));

        assertThat(view.status()).isEqualTo(WidgetView.NOT_FOUND);
        assertThat(html(view).select("h2").text()).isEqualTo("Group not found");
        assertThat(widget.render(request().with("group", "<script>")).status()).isEqualTo(WidgetView.NOT_FOUND);
    }

    @Test
    void withAJoinFormAGroupTakingMembersOffersIt() {
        widget.bindAskToJoin(askToJoin);

        Document open = html(widget.render(request().with("group", OPEN.slug())));
        Document closed = html(widget.render(request().with("group", CLOSED.slug())));

        assertThat(open.select("a.govuk-button").attr("href")).isEqualTo("/groups?join=care-leavers-forum");
        assertThat(closed.select("a.govuk-button")).isEmpty();
    }

    @Test
    void joinRendersTheJoinFormForAGroupTakingMembers() {
        widget.bindAskToJoin(askToJoin);
        WidgetView form = WidgetView.of("<form>join</form>");
        FakeWidgetRequest request = request().with(AskToJoin.PARAMETER, OPEN.slug());
        when(askToJoin.render(request, OPEN)).thenReturn(form);

        assertThat(widget.render(request)).isSameAs(form);
    }

    @Test
    void joinOfAClosedOrUnknownGroupSaysSoAndNeverCallsTheForm() {
        widget.bindAskToJoin(askToJoin);

        WidgetView closed = widget.render(request().with(AskToJoin.PARAMETER, CLOSED.slug()));
        WidgetView unknown = widget.render(request().with(AskToJoin.PARAMETER, "gone"));

        assertThat(html(closed).select("h2").text()).isEqualTo("Young Inspectors is not taking new members");
        assertThat(unknown.status()).isEqualTo(WidgetView.NOT_FOUND);
        verify(askToJoin, never()).render(any(), any());
    }

    @Test
    void postGoesToTheJoinFormOfTheGroupNamed() {
        widget.bindAskToJoin(askToJoin);
        FakeWidgetRequest request = request().with(AskToJoin.PARAMETER, OPEN.slug());
        PostOutcome done = PostOutcome.done("/groups");
        when(askToJoin.post(request, OPEN)).thenReturn(done);

        assertThat(widget.post(request)).isSameAs(done);
    }

    @Test
    void postForAClosedOrUnknownGroupIsAClearViewNeverTheForm() {
        widget.bindAskToJoin(askToJoin);

        PostOutcome closed = widget.post(request().with(AskToJoin.PARAMETER, CLOSED.slug()));
        PostOutcome unknown = widget.post(request().with(AskToJoin.PARAMETER, "gone"));

        assertThat(closed).isInstanceOf(PostOutcome.Invalid.class);
        assertThat(((PostOutcome.Invalid) unknown).view().status()).isEqualTo(WidgetView.NOT_FOUND);
        verify(askToJoin, never()).post(any(), any());
    }

    @Test
    void withoutAJoinFormPostsAreNotAcceptedAndJoinShowsTheGroup() {
        assertThat(widget.post(request().with(AskToJoin.PARAMETER, OPEN.slug())))
                .isInstanceOf(PostOutcome.NotAccepted.class);
        assertThat(widget.render(request().with(AskToJoin.PARAMETER, OPEN.slug())).title())
                .contains("Care Leavers Forum");
    }

    @Test
    void anUnboundJoinFormIsForgottenButAReplacementIsKept() {
        AskToJoin better = mock(AskToJoin.class);
        widget.bindAskToJoin(askToJoin);
        widget.bindAskToJoin(better);
        widget.unbindAskToJoin(askToJoin);
        when(better.post(any(), any())).thenReturn(PostOutcome.done("/x"));

        assertThat(widget.post(request().with(AskToJoin.PARAMETER, OPEN.slug()))).isInstanceOf(PostOutcome.Done.class);
        widget.unbindAskToJoin(better);
        assertThat(widget.post(request().with(AskToJoin.PARAMETER, OPEN.slug())))
                .isInstanceOf(PostOutcome.NotAccepted.class);
    }

    @Test
    void viewParametersNameTheFiltersTheGroupAndTheJoinForms() {
        assertThat(widget.viewParameters()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .contains("q", "age", "who", "area", "way", "page", "filtered", "group", "join")
                .doesNotContain("step");
        when(askToJoin.viewParameters()).thenReturn(Set.of("step"));
        widget.bindAskToJoin(askToJoin);
        assertThat(widget.viewParameters().get()).contains("step", "join");
    }

    @Test
    void aTagLimitsTheSearchAndHidesThatFacet() {
        Document page = html(widget.render(request().preference(GroupsWidget.SHOW, GroupsWidget.SHOW_TAG)
                .preference(GroupsWidget.TAG, "young-carer").withAll("who", "send")));

        ArgumentCaptor<GroupQuery> query = ArgumentCaptor.forClass(GroupQuery.class);
        verify(groups).search(query.capture());
        assertThat(query.getValue().whoFor()).containsExactly(Eligibility.YOUNG_CARER);
        assertThat(page.select("input[name=ns_who]")).isEmpty();
    }

    @Test
    void pickedGroupsAreShownWithoutFiltersAndAGoneOneIsLeftOut() {
        Document page = html(widget.render(request().preference(GroupsWidget.SHOW, GroupsWidget.SHOW_PICKED)
                .preference("pick1", CLOSED.slug()).preference("pick2", "gone").preference("pick3", OPEN.slug())));

        verify(groups, never()).search(any());
        assertThat(page.select("form")).isEmpty();
        assertThat(page.select(".pw-groups__result h3")).extracting(e -> e.text())
                .containsExactly("Young Inspectors", "Care Leavers Forum");
    }

    @Test
    void aDefaultTickStartsTicked() {
        Document page = html(widget.render(request().preference(GroupsWidget.DEFAULT_WHO, "care-leaver")));

        assertThat(page.select("input[value=care-leaver]").hasAttr("checked")).isTrue();
    }

    @Test
    void settingsNamingAGroupNoLongerThereOrNoneAreRefused() {
        Map<String, String> prefs = defaults();
        prefs.put(GroupsWidget.SHOW, GroupsWidget.SHOW_PICKED);
        assertThat(widget.validate(new Preferences(prefs))).containsOnlyKeys("pick1");
        prefs.put("pick2", "gone");
        prefs.put("pick1", OPEN.slug());
        assertThat(widget.validate(new Preferences(prefs))).containsOnlyKeys("pick2");
        prefs.put("pick2", "");
        assertThat(widget.validate(new Preferences(prefs))).isEmpty();
        prefs.put(GroupsWidget.SHOW, GroupsWidget.SHOW_TAG);
        assertThat(widget.validate(new Preferences(prefs))).containsOnlyKeys(GroupsWidget.TAG);
    }

    @Test
    void thePickListIsTheDirectorysGroupsByName() {
        PreferenceDefinition pick = GroupsWidget.TYPE.preference("pick1").orElseThrow();

        assertThat(widget.choices(pick)).extracting(c -> c.value() + "=" + c.label())
                .containsExactly("care-leavers-forum=Care Leavers Forum",
                        "young-inspectors=Young Inspectors");
    }

    @Test
    void theMapListsBoardsAndTheGroupsFeedingThem() {
        Document page = html(widget.render(request().preference(GroupsWidget.LAYOUT, GroupsWidget.LAYOUT_MAP)));

        assertThat(page.select(".pw-groups-map__box--board").text()).contains("Corporate Parenting Board");
        assertThat(page.select(".pw-groups-map__list--2 a")).extracting(e -> e.attr("href"))
                .containsExactly("/groups?group=care-leavers-forum", "/groups?group=young-inspectors");
    }

    @Test
    void manyResultsArePaged() {
        when(groups.search(any())).thenReturn(new DirectoryPage(List.of(OPEN), 25, facets()));

        Document page = html(widget.render(request().with("page", "2").with("filtered", "1")));

        assertThat(page.select(".govuk-pagination__item")).extracting(e -> e.text())
                .containsExactly("1", "2", "3");
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/groups?filtered=1&page=3");
        assertThat(page.select("[aria-current=page]").text()).isEqualTo("2");
    }
}
