package dev.participation.pledge.internal.authoring;

import static dev.participation.pledge.internal.authoring.Fixtures.ID;
import static dev.participation.pledge.internal.authoring.Fixtures.commitment;
import static dev.participation.pledge.internal.authoring.Fixtures.content;
import static dev.participation.pledge.internal.authoring.Fixtures.done;
import static dev.participation.pledge.internal.authoring.Fixtures.draft;
import static dev.participation.pledge.internal.authoring.Fixtures.evidenceEditor;
import static dev.participation.pledge.internal.authoring.Fixtures.html;
import static dev.participation.testing.Rendered.invalid;
import static dev.participation.pledge.internal.authoring.Fixtures.principle;
import static dev.participation.pledge.internal.authoring.Fixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PledgeEvidencePageTest {

    private Pledges pledges;
    private PledgeEvidencePage page;
    private dev.participation.testing.StaffPosts posts;

    @BeforeEach
    void setUp() {
        pledges = mock(Pledges.class);
        page = new PledgeEvidencePage(pledges, Fixtures.CLOCK, Fixtures.accounts());
        posts = Fixtures.posts(page);
        when(pledges.draft(ID)).thenReturn(Optional.of(draft(content(
                principle("a", "Space", commitment("c1", "Meet where young people choose")),
                principle("b", "Voice", commitment("c2", "Train young chairs"))))));
    }

    private static Evidence evidence(long id, String description) {
        return new Evidence(id, "c1", LocalDate.of(2025, 5, (int) id), description, "", "sam", Fixtures.NOW, "edith");
    }

    @Test
    void commitmentsAreGroupedByPrincipleWithTheirEvidenceCounts() {
        when(pledges.evidence(ID, "c1")).thenReturn(List.of(evidence(2, "Second"), evidence(1, "First")));
        when(pledges.evidence(ID, "c2")).thenReturn(List.of());

        Document doc = html(page.render(staff("7")));

        assertThat(doc.select("caption").eachText()).containsExactly("Space", "Voice");
        assertThat(doc.select("table:has(caption:contains(Space)) tbody tr td").eachText())
                .containsExactly("Meet where young people choose", "2", "0");
        assertThat(doc.select("a[href=/intranet/pledge-evidence/7/c2]").text()).isEqualTo("Train young chairs");
    }

    @Test
    void aCommitmentsEvidenceIsListedNewestFirst() {
        when(pledges.evidence(ID, "c1")).thenReturn(List.of(evidence(2, "Second"), evidence(1, "First")));

        Document doc = html(page.render(staff("7/c1")));

        assertThat(doc.select(".govuk-summary-card__title").eachText()).containsExactly("2 May 2025", "1 May 2025");
        assertThat(doc.select("a[href=/intranet/pledge-evidence/7/c1/2/remove]")).hasSize(1);
    }

    @Test
    void aLinkThatIsNotAWebAddressIsExplainedBesideTheLinkField() {
        Document doc = invalid(posts.post(staff("7/c1/new").with("date-day", "3").with("date-month", "5")
                .with("date-year", "2025").with("description", "Youth Cabinet chose the venues")
                .with("link", "javascript:alert(1)")));

        assertThat(doc.select("#link-error").text()).contains("Enter a web address that starts with https://");
        assertThat(doc.select(".govuk-error-summary a[href=#link]")).hasSize(1);
        assertThat(doc.select("#link").val()).isEqualTo("javascript:alert(1)");
        assertThat(doc.select("textarea#description").text()).isEqualTo("Youth Cabinet chose the venues");
        assertThat(doc.select("#date-day").val()).isEqualTo("3");
        verify(pledges, never()).addEvidence(anyLong(), anyString(), any(), anyString(), anyString(), anyString(), anyBoolean());
    }

    @Test
    void aDateInTheFutureIsRefusedAndTheServicesOwnProblemsLandBesideTheirFields() {
        Document future = invalid(posts.post(staff("7/c1/new").with("date-day", "2").with("date-month", "6")
                .with("date-year", "2025").with("description", "Planned")));
        assertThat(future.select("#date-error").text()).contains("today or in the past");

        when(pledges.addEvidence(anyLong(), anyString(), any(), anyString(), anyString(), anyString(), anyBoolean()))
                .thenThrow(new PledgeProblem(Map.of("description", Message.of("pledge.error.description"))));
        Document refused = invalid(posts.post(staff("7/c1/new").with("date-day", "1").with("date-month", "6")
                .with("date-year", "2025").with("description", "x")));
        assertThat(refused.select("#description-error").text()).contains("Describe what was done");
    }

    @Test
    void addingEvidenceSavesItForTheCommitmentAndGoesBackToItsList() {
        var done = done(posts.post(staff("7/c1/new").with("date-day", "01").with("date-month", "06")
                .with("date-year", "2025").with("description", "Venues chosen by young people")
                .with("link", "https://example.org/you-said-we-did")));

        verify(pledges).addEvidence(ID, "c1", LocalDate.of(2025, 6, 1), "Venues chosen by young people",
                "https://example.org/you-said-we-did", "sam", false);
        assertThat(done.location()).isEqualTo("/intranet/pledge-evidence/7/c1");
        assertThat(noticeText(done)).isEqualTo(
                "The evidence is saved. An editor will check it before it is shown on the public pledge");

        var byEditor = done(posts.post(evidenceEditor("7/c1/new").with("date-day", "01").with("date-month", "06")
                .with("date-year", "2025").with("description", "Venues chosen by young people")));
        verify(pledges).addEvidence(ID, "c1", LocalDate.of(2025, 6, 1), "Venues chosen by young people", "",
                "edith", true);
        assertThat(noticeText(byEditor)).isEqualTo("The evidence is added and shown on the public pledge");
    }

    @Test
    void evidenceWaitingForApprovalIsMarkedAndOnlyAnEditorCanApproveIt() {
        Evidence held = new Evidence(3, "c1", LocalDate.of(2025, 5, 3), "Held", "https://www.example.gov.uk/news",
                "sam", Fixtures.NOW, "");
        when(pledges.evidence(ID, "c1")).thenReturn(List.of(held, evidence(1, "First")));

        Document asStaff = html(page.render(staff("7/c1")));
        assertThat(asStaff.select(".govuk-summary-card").get(0).text())
                .contains("Waiting for an editor's approval: not shown to the public");
        assertThat(asStaff.select(".govuk-summary-card").get(1).text()).doesNotContain("Waiting");
        assertThat(asStaff.select("form[action=/intranet/pledge-evidence/7/c1/3/approve]")).isEmpty();
        Element more = asStaff.selectFirst("a[href=https://www.example.gov.uk/news]");
        assertThat(more.text()).endsWith("(on www.example.gov.uk)");
        assertThat(more.attr("rel")).isEqualTo("noopener noreferrer nofollow");
        // Staff may see and add evidence, but approving it is an editor's action.
        assertThat(posts.post(staff("7/c1/3/approve"))).isInstanceOf(PostOutcome.Forbidden.class);
        verify(pledges, never()).approveEvidence(anyLong(), anyLong(), anyString());

        Document asEditor = html(page.render(evidenceEditor("7/c1")));
        assertThat(asEditor.select("form[action=/intranet/pledge-evidence/7/c1/3/approve] button").text())
                .isEqualTo("Approve and show to the public evidence of 3 May 2025");
        var approved = done(posts.post(evidenceEditor("7/c1/3/approve")));
        verify(pledges).approveEvidence(ID, 3, "edith");
        assertThat(noticeText(approved)).isEqualTo("The evidence is approved and shown on the public pledge");
        assertThat(html(page.render(staff("7"))).select("table:has(caption:contains(Space)) tbody tr td").eachText())
                .containsExactly("Meet where young people choose", "2", "1");
    }

    private String noticeText(PostOutcome.Done done) {
        return dev.participation.kit.i18n.Messages.of(java.util.Locale.UK, page.messages(java.util.Locale.UK))
                .get(done.notice().orElseThrow());
    }

    @Test
    void removingEvidenceAsksFirst() {
        when(pledges.evidence(ID, "c1")).thenReturn(List.of(evidence(2, "Second")));

        Document doc = html(page.render(staff("7/c1/2/remove")));
        assertThat(doc.select("button").text()).isEqualTo("Yes, remove this evidence");
        verify(pledges, never()).removeEvidence(anyLong(), anyLong(), anyString());

        done(posts.post(staff("7/c1/2/remove")));
        verify(pledges).removeEvidence(ID, 2, "sam");
    }
}
