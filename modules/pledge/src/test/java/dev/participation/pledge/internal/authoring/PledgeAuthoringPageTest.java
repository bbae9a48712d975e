package dev.participation.pledge.internal.authoring;

import static dev.participation.pledge.internal.authoring.Fixtures.ID;
import static dev.participation.pledge.internal.authoring.Fixtures.REVISION;
import static dev.participation.pledge.internal.authoring.Fixtures.commitment;
import static dev.participation.pledge.internal.authoring.Fixtures.content;
import static dev.participation.pledge.internal.authoring.Fixtures.done;
import static dev.participation.pledge.internal.authoring.Fixtures.draft;
import static dev.participation.pledge.internal.authoring.Fixtures.editor;
import static dev.participation.pledge.internal.authoring.Fixtures.html;
import static dev.participation.testing.Rendered.invalid;
import static dev.participation.pledge.internal.authoring.Fixtures.principle;
import static dev.participation.pledge.internal.authoring.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.DraftChanged;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;

import dev.participation.testing.FakeStaffRequest;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PledgeAuthoringPageTest {

    private Pledges pledges;
    private PledgeAuthoringPage page;
    private dev.participation.testing.StaffPosts posts;

    @BeforeEach
    void setUp() {
        pledges = mock(Pledges.class);
        page = new PledgeAuthoringPage(pledges, Fixtures.CLOCK, Fixtures.accounts());
        posts = Fixtures.posts(page);
    }

    private void given(PledgeContent content) {
        when(pledges.draft(ID)).thenReturn(Optional.of(draft(content)));
    }

    private PledgeContent savedContent() {
        ArgumentCaptor<PledgeContent> saved = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges).saveDraft(eq(ID), eq(REVISION), saved.capture(), eq("edith"));
        return saved.getValue();
    }

    @Test
    void onlyEditorsAreGivenTheAuthoringPagesAndStaffTheEvidencePages() {
        Person staffOnly = new Person("sam", "Sam Staff", Set.of(Roles.STAFF));
        Person editor = new Person("edith", "Edith Editor", Set.of(Roles.EDITOR));

        assertThat(page.requiredRole()).isEqualTo(Roles.EDITOR);
        assertThat(staffOnly.hasRole(page.requiredRole())).isFalse();
        assertThat(editor.hasRole(page.requiredRole())).isTrue();
        assertThat(new PledgeEvidencePage(pledges, Fixtures.CLOCK, Fixtures.accounts()).requiredRole()).isEqualTo(Roles.STAFF);
        assertThat(page.key()).isEqualTo("pledges");
        assertThat(page.messages(java.util.Locale.UK).getString(page.titleKey())).isEqualTo("Pledges and charters");
    }

    @Test
    void theListShowsEachPledgesStatusAndWhoChangedItLastByTheirNameToday() {
        when(pledges.drafts()).thenReturn(List.of(
                new PledgeDraft(1, "our-pledge", content(), Fixtures.NOW, "edith", 0, false, 1),
                new PledgeDraft(2, "care-charter", content(), Fixtures.NOW, "alex.gone", 3, true, 9)));

        Document doc = html(page.render(editor("")));

        assertThat(doc.select("tbody tr")).hasSize(2);
        assertThat(doc.select("tbody tr").get(0).text()).contains("our-pledge", "Draft only, not published",
                "Edith Editor (edith)", "1 June 2025");
        // An account that no longer exists is still named, by the id the record keeps.
        assertThat(doc.select("tbody tr").get(1).text()).contains("Version 3 published, with unpublished changes",
                "alex.gone");
        assertThat(doc.select("a[href=/intranet/pledges/new]").text()).isEqualTo("Create a pledge");
    }

    @Test
    void inAPortalWithoutLocalAccountsTheListNamesWhoChangedAPledgeByTheirAccountId() {
        when(pledges.drafts()).thenReturn(List.of(
                new PledgeDraft(1, "our-pledge", content(), Fixtures.NOW, "edith", 0, false, 1)));
        PledgeAuthoringPage withoutAccounts = new PledgeAuthoringPage(pledges, Fixtures.CLOCK, null);

        Document doc = html(withoutAccounts.render(editor("")));

        assertThat(doc.select("tbody tr").get(0).text()).contains("our-pledge", "edith")
                .doesNotContain("Edith Editor");
    }

    @Test
    void creatingWithABadAddressShowsTheFormAgainWithWhatWasTypedAndTheErrorLinkedToTheField() {
        PostOutcome outcome = posts.post(editor("new").with("title", "Our pledge").with("slug", "Our Pledge!")
                .with("audience", "everyone").with("introduction", "Why we do this"));

        Document doc = invalid(outcome);
        assertThat(doc.select(".govuk-error-summary a[href=#slug]").text())
                .isEqualTo("Enter an address of 2 to 60 lower-case letters, numbers and dashes, like our-pledge");
        assertThat(doc.select("#slug-error").text()).contains("lower-case letters");
        assertThat(doc.select("#slug").attr("aria-describedby")).contains("slug-error");
        assertThat(doc.select("#slug").val()).isEqualTo("Our Pledge!");
        assertThat(doc.select("#title").val()).isEqualTo("Our pledge");
        assertThat(doc.select("textarea#introduction").text()).isEqualTo("Why we do this");
        assertThat(doc.select("input[name=audience][value=everyone]").hasAttr("checked")).isTrue();
        assertThat(doc.select("input[name=_csrf]").val()).isEqualTo("token-123");
        verify(pledges, never()).create(anyString(), any(), anyString());
    }

    @Test
    void creatingWithoutAnAddressMakesOneFromTheTitleAndATakenOneIsExplainedBesideTheField() {
        when(pledges.create(eq("our-pledge-for-2025"), any(), eq("edith")))
                .thenThrow(new PledgeProblem(Map.of("slug", Message.of("pledge.error.slugTaken"))));

        Document doc = invalid(posts.post(editor("new").with("title", "Our pledge for 2025")
                .with("audience", "everyone")));

        assertThat(doc.select("#slug").val()).isEqualTo("our-pledge-for-2025");
        assertThat(doc.select("#slug-error").text()).contains("Another pledge already uses this address");
    }

    @Test
    void creatingAPledgeGoesToItsOverview() {
        PledgeContent typed = new PledgeContent("Our pledge", Audience.EVERYONE, "", "", List.of(), List.of());
        when(pledges.create("our-pledge", typed, "edith"))
                .thenReturn(new PledgeDraft(42, "our-pledge", typed, Fixtures.NOW, "edith", 0, false, 1));

        PostOutcome.Done done = done(posts.post(editor("new").with("title", "Our pledge")
                .with("slug", "our-pledge").with("audience", "everyone")));

        assertThat(done.location()).isEqualTo("/intranet/pledges/42");
        assertThat(noticeText(done)).isEqualTo("The pledge Our pledge is created as a draft");
    }

    @Test
    void addingAPrincipleAndThenACommitmentSavesTheWholeContentWithNewKeys() {
        given(content(principle("space", "Space")));

        PostOutcome.Done added = done(posts.post(drawn("7/principles/new").with("title", "Voice")
                .with("promise", "Everyone can say what they think")));

        PledgeContent saved = savedContent();
        assertThat(saved.principles()).extracting(Principle::title).containsExactly("Space", "Voice");
        Principle voice = saved.principles().get(1);
        assertThat(voice.key()).matches("[a-z2-9]{8}");
        assertThat(voice.promise()).isEqualTo("Everyone can say what they think");
        assertThat(saved.signatories()).hasSize(1);
        assertThat(added.location()).isEqualTo("/intranet/pledges/7/principles/" + voice.key());

        given(saved);
        done(posts.post(drawn("7/principles/" + voice.key() + "/commitments/new")
                .with("text", "Training young people to chair meetings").with("easyReadText", "We teach you")));

        ArgumentCaptor<PledgeContent> second = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges, org.mockito.Mockito.times(2)).saveDraft(eq(ID), eq(REVISION), second.capture(), eq("edith"));
        Principle withCommitment = second.getValue().principle(voice.key()).orElseThrow();
        assertThat(withCommitment.commitments()).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("Training young people to chair meetings");
            assertThat(c.easyReadText()).isEqualTo("We teach you");
            assertThat(c.key()).matches("[a-z2-9]{8}").isNotEqualTo(voice.key());
        });
        assertThat(second.getValue().principle("space")).isPresent();
    }

    @Test
    void aProblemTheServiceFindsInAPrincipleLandsBesideThatFieldWithWhatWasTyped() {
        given(content(principle("space", "Space"), principle("voice", "Voice")));
        when(pledges.saveDraft(anyLong(), anyInt(), any(), anyString())).thenThrow(new PledgeProblem(
                Map.of("principles[1].imageAlt", Message.of("pledge.error.required"))));

        Document doc = invalid(posts.post(drawn("7/principles/voice").with("title", "Voice")
                .with("promise", "We listen").with("imageUrl", "/pictures/voice.png")
                .with("imageAlt", "")));

        // The shared rules already ask for a description with a picture; the field shows it.
        assertThat(doc.select("#imageAlt-error").text()).contains("Enter this");
        assertThat(doc.select(".govuk-error-summary a[href=#imageAlt]")).hasSize(1);
        assertThat(doc.select("#imageUrl").val()).isEqualTo("/pictures/voice.png");
        verify(pledges, never()).saveDraft(anyLong(), anyInt(), any(), anyString());
    }

    @Test
    void aServiceProblemOnACommitmentIsMappedFromItsContentPathToTheTextField() {
        given(content(principle("space", "Space"), principle("voice", "Voice", commitment("c1", "Old"))));
        when(pledges.saveDraft(anyLong(), anyInt(), any(), anyString())).thenThrow(new PledgeProblem(
                Map.of("principles[1].commitments[0].text", Message.of("pledge.error.tooLong", 1000))));

        Document doc = invalid(posts.post(drawn("7/principles/voice/commitments/c1").with("text", "Typed again")));

        assertThat(doc.select("#text-error").text()).contains("Enter no more than 1,000 characters");
        assertThat(doc.select("textarea#text").text()).isEqualTo("Typed again");
    }

    @Test
    void moveUpAndDownReorderPrinciplesAndCommitments() {
        given(content(principle("a", "Space"), principle("b", "Voice"), principle("c", "Audience")));

        PostOutcome.Done done = done(posts.post(drawn("7", "7/principles/c/move").with("direction", "up")));

        assertThat(savedContent().principles()).extracting(Principle::key).containsExactly("a", "c", "b");
        assertThat(done.location()).isEqualTo("/intranet/pledges/7");
        assertThat(noticeText(done)).isEqualTo("The principle Audience is moved up");

        Principle p = principle("a", "Space", commitment("x", "One"), commitment("y", "Two"), commitment("z", "Three"));
        given(content(p));
        done(posts.post(drawn("7/principles/a", "7/principles/a/commitments/x/move").with("direction", "down")));
        ArgumentCaptor<PledgeContent> saved = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges, org.mockito.Mockito.times(2)).saveDraft(eq(ID), eq(REVISION), saved.capture(), anyString());
        assertThat(saved.getValue().principles().get(0).commitments()).extracting(Commitment::key)
                .containsExactly("y", "x", "z");
    }

    @Test
    void restoringRefusesADraftThatChangedAfterTheConfirmationPage() {
        given(content(principle("a", "Now")));
        when(pledges.history(ID)).thenReturn(List.of(version(2, content(principle("a", "Now"))),
                version(1, content(principle("a", "Then")))));
        FakeStaffRequest restore = drawn("7/history/1/restore");
        givenChangedByAlex(content(principle("a", "Typed since")));

        Document doc = invalid(posts.post(restore));

        verify(pledges, never()).restore(anyLong(), anyInt(), anyInt(), anyString());
        assertThat(doc.select(".govuk-error-summary").text()).contains("The draft changed after you looked at it",
                "alex saved a change");
        assertThat(doc.select("tbody").text()).contains("Typed since");
        assertThat(doc.select("input[name=revision]").val()).isEqualTo(Integer.toString(REVISION + 1));
    }

    /** The draft as someone else has just saved it. */
    private void givenChangedByAlex(PledgeContent content) {
        when(pledges.draft(ID)).thenReturn(Optional.of(
                new PledgeDraft(ID, "our-pledge", content, Fixtures.NOW, "alex", 2, true, REVISION + 1)));
    }

    private static Principle withPromise(Principle p, String promise) {
        return new Principle(p.key(), p.title(), promise, p.easyReadPromise(), p.imageUrl(), p.imageAlt(),
                p.commitments());
    }

    @Test
    void aChangeToAPrincipleSomeoneElseChangedMeanwhileShowsBothVersionsAndKeepsWhatWasTyped() {
        Principle voice = principle("voice", "Voice");
        given(content(principle("space", "Space"), voice));
        FakeStaffRequest form = drawn("7/principles/voice").with("title", "Voice").with("promise", "Mine: we act on it");
        givenChangedByAlex(content(principle("space", "Space"), withPromise(voice, "Theirs: we listen")));

        Document doc = invalid(posts.post(form));

        verify(pledges, never()).saveDraft(anyLong(), anyInt(), any(), anyString());
        assertThat(doc.select(".govuk-error-summary h2").text())
                .isEqualTo("Someone else changed this while you were editing");
        assertThat(doc.select(".govuk-error-summary").text()).contains("alex saved a change");
        var rows = doc.select("table.pledge-conflict tbody tr");
        assertThat(rows.select("th").eachText()).containsExactly("Principle title", "Promise Different",
                "Easy read promise (optional)", "Picture address (optional)", "Picture description");
        var promiseRow = rows.get(1);
        assertThat(promiseRow.select("td").eachText()).containsExactly("Theirs: we listen", "Mine: we act on it");
        assertThat(doc.select("textarea#promise").text()).isEqualTo("Mine: we act on it");
        assertThat(doc.select(".govuk-error-summary a").attr("href")).isEqualTo("/intranet/pledges/7/principles/voice");

        // Saved again from the page that showed the conflict: now based on their version, it lands.
        FakeStaffRequest again = editor("7/principles/voice").with("basis", doc.select("input[name=basis]").val())
                .with("title", "Voice").with("promise", doc.select("textarea#promise").text());
        done(posts.post(again));
        ArgumentCaptor<PledgeContent> saved = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges).saveDraft(eq(ID), eq(REVISION + 1), saved.capture(), eq("edith"));
        assertThat(saved.getValue().principle("voice").orElseThrow().promise()).isEqualTo("Mine: we act on it");
    }

    @Test
    void aChangeToAPrincipleIsMadeOnTheCurrentDraftWhenSomeoneElseChangedAnotherOne() {
        Principle space = principle("space", "Space");
        given(content(space, principle("voice", "Voice")));
        FakeStaffRequest form = drawn("7/principles/voice").with("title", "Voice").with("promise", "Mine");
        givenChangedByAlex(content(withPromise(space, "Theirs"), principle("voice", "Voice")));

        done(posts.post(form));

        ArgumentCaptor<PledgeContent> saved = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges).saveDraft(eq(ID), eq(REVISION + 1), saved.capture(), eq("edith"));
        assertThat(saved.getValue().principles()).extracting(Principle::promise).containsExactly("Theirs", "Mine");
    }

    @Test
    void aSaveThatLosesARaceIsMadeAgainOnTheDraftThatWon() {
        Principle space = principle("space", "Space");
        given(content(space, principle("voice", "Voice")));
        PledgeDraft winner = new PledgeDraft(ID, "our-pledge", content(withPromise(space, "Theirs"),
                principle("voice", "Voice")), Fixtures.NOW, "alex", 2, true, REVISION + 1);
        when(pledges.saveDraft(eq(ID), eq(REVISION), any(), anyString())).thenThrow(new DraftChanged(winner));

        done(posts.post(drawn("7/principles/voice").with("title", "Voice").with("promise", "Mine")));

        ArgumentCaptor<PledgeContent> saved = ArgumentCaptor.forClass(PledgeContent.class);
        verify(pledges).saveDraft(eq(ID), eq(REVISION + 1), saved.capture(), eq("edith"));
        assertThat(saved.getValue().principles()).extracting(Principle::promise).containsExactly("Theirs", "Mine");
    }

    @Test
    void wordsTypedForAPrincipleSomeoneElseRemovedAreKeptAndCanBeAddedAgain() {
        given(content(principle("space", "Space"), principle("voice", "Voice")));
        FakeStaffRequest form = drawn("7/principles/voice").with("title", "Voice").with("promise", "Mine");
        givenChangedByAlex(content(principle("space", "Space")));

        Document doc = invalid(posts.post(form));

        verify(pledges, never()).saveDraft(anyLong(), anyInt(), any(), anyString());
        assertThat(doc.select(".govuk-error-summary").text()).contains("alex removed it");
        assertThat(doc.select("table.pledge-conflict td").eachText()).contains("Removed", "Mine");
        assertThat(doc.select("textarea#promise").text()).isEqualTo("Mine");
        assertThat(doc.select("form[action=/intranet/pledges/7/principles/new] button").text())
                .isEqualTo("Add principle");
    }

    @Test
    void aMoveFromAnOrderSomeoneElseChangedMeanwhileMovesNothing() {
        given(content(principle("a", "Space"), principle("b", "Voice"), principle("c", "Audience")));
        FakeStaffRequest move = drawn("7", "7/principles/c/move").with("direction", "up");
        givenChangedByAlex(content(principle("c", "Audience"), principle("a", "Space"), principle("b", "Voice")));

        PostOutcome.Done done = done(posts.post(move));

        verify(pledges, never()).saveDraft(anyLong(), anyInt(), any(), anyString());
        assertThat(noticeText(done)).startsWith("Someone else changed this while you were looking");
    }

    @Test
    void publishingRefusesADraftThatChangedAfterTheCheckPageAndShowsTheNewText() {
        PledgeContent published = content(principle("a", "Space", commitment("x", "Meet in youth centres")));
        given(content(principle("a", "Space", commitment("x", "What the editor checked"))));
        when(pledges.history(ID)).thenReturn(List.of(version(1, published)));
        FakeStaffRequest publish = drawn("7/publish");
        givenChangedByAlex(content(principle("a", "Space", commitment("x", "Changed after the check"))));

        Document doc = invalid(posts.post(publish));

        verify(pledges, never()).publish(anyLong(), anyInt(), anyString());
        assertThat(doc.select(".govuk-error-summary h2").text()).isEqualTo("The draft changed after you checked it");
        assertThat(doc.select("tbody").text()).contains("Changed after the check").doesNotContain("What the editor");
        assertThat(doc.select("input[name=revision]").val()).isEqualTo(Integer.toString(REVISION + 1));
    }

    @Test
    void theOverviewOffersMovesOnlyWhereAnItemCanMove() {
        given(content(principle("a", "Space"), principle("b", "Voice")));

        Document doc = html(page.render(editor("7")));

        assertThat(doc.select("form[action=/intranet/pledges/7/principles/a/move] button").eachText())
                .containsExactly("Move down Space");
        assertThat(doc.select("form[action=/intranet/pledges/7/principles/b/move] button").eachText())
                .containsExactly("Move up Voice");
        assertThat(doc.select("a[href=/intranet/pledges/7/principles/new]").text()).isEqualTo("Add a principle");
        assertThat(doc.select("a[href=/intranet/pledges/7/publish]").text()).isEqualTo("Publish");
        assertThat(doc.select("h1")).isEmpty();
    }

    @Test
    void removingAPrincipleAsksFirstAndOnlyTheConfirmedPostRemovesIt() {
        given(content(principle("a", "Space"), principle("b", "Voice", commitment("x", "One"), commitment("y", "Two"))));

        var view = page.render(editor("7/principles/b/remove"));
        Document doc = html(view);
        assertThat(view.title()).contains("Remove the principle Voice?");
        assertThat(doc.text()).contains("The principle and its 2 commitments are removed from the draft.");
        assertThat(doc.select("form[method=post][action=/intranet/pledges/7/principles/b/remove] button").text())
                .isEqualTo("Yes, remove this principle");
        verify(pledges, never()).saveDraft(anyLong(), anyInt(), any(), anyString());

        done(posts.post(drawn("7/principles/b/remove")));

        assertThat(savedContent().principles()).extracting(Principle::key).containsExactly("a");
    }

    @Test
    void publishingShowsWhatChangedFirstAndOnlyThePostPublishes() {
        PledgeContent published = content(principle("a", "Space", commitment("x", "Meet in youth centres")));
        PledgeContent draft = content(principle("a", "Space", commitment("x", "Meet where young people choose")));
        given(draft);
        when(pledges.history(ID)).thenReturn(List.of(version(2, published), version(1, published)));

        Document doc = html(page.render(editor("7/publish")));

        assertThat(doc.text()).contains("1 change since version 2", "1 changed");
        assertThat(doc.select("tbody tr").text()).contains("Commitment 1", "Changed", "Meet in youth centres",
                "Meet where young people choose");
        assertThat(doc.select("form[method=post] button").text()).isEqualTo("Publish version 3");
        verify(pledges, never()).publish(anyLong(), anyInt(), anyString());

        when(pledges.publish(ID, REVISION, "edith")).thenReturn(new PledgeVersion(3, Instant.now(), "edith", 0,
                draft));
        PostOutcome.Done done = done(posts.post(drawn("7/publish")));

        verify(pledges).publish(ID, REVISION, "edith");
        assertThat(noticeText(done)).isEqualTo("Version 3 is published");
        assertThat(done.location()).isEqualTo("/intranet/pledges/7");
    }

    @Test
    void aDraftThatCannotBePublishedListsWhatToFixWithLinksAndOffersNoButton() {
        given(content());
        when(pledges.history(ID)).thenReturn(List.of());

        Document doc = html(page.render(editor("7/publish")));

        assertThat(doc.select(".govuk-error-summary a[href=/intranet/pledges/7/principles/new]").text())
                .contains("Add at least one principle before publishing");
        assertThat(doc.select("form[method=post]")).isEmpty();
        assertThat(invalid(posts.post(drawn("7/publish"))).text()).contains("Add at least one principle");
        verify(pledges, never()).publish(anyLong(), anyInt(), anyString());
    }

    @Test
    void comparingTwoVersionsListsAChangedCommitmentWithBeforeAndAfter() {
        given(content());
        PledgeContent v1 = content(principle("a", "Space", commitment("x", "Meet in youth centres"),
                commitment("y", "Listen")));
        PledgeContent v2 = content(principle("a", "Space", commitment("x", "Meet where young people choose")),
                principle("b", "Voice"));
        when(pledges.history(ID)).thenReturn(List.of(version(2, v2), version(1, v1)));

        Document doc = html(page.render(editor("7/history").with("from", "1").with("to", "2")));

        assertThat(doc.select("h2").eachText()).contains("Changes from version 1 to version 2");
        var rows = doc.select("table:has(caption:contains(Principle 1: Space)) tbody tr");
        assertThat(rows.get(0).select("th").text()).isEqualTo("Commitment 1");
        assertThat(rows.get(0).select("td").eachText())
                .containsExactly("Changed", "Meet in youth centres", "Meet where young people choose");
        assertThat(rows.text()).contains("Removed", "Listen");
        assertThat(doc.select("caption").eachText()).contains("Principle 2: Voice");
        assertThat(doc.select("tbody tr").first().text()).contains("Version 2");
    }

    @Test
    void restoringAVersionNeedsConfirmation() {
        given(content(principle("a", "Now")));
        when(pledges.history(ID)).thenReturn(List.of(version(2, content(principle("a", "Now"))),
                version(1, content(principle("a", "Then")))));

        Document doc = html(page.render(editor("7/history/1/restore")));

        assertThat(doc.text()).contains("Version 1 will be published again, as version 3",
                "The draft has changes that are not published");
        assertThat(doc.select("form[method=post] button").text()).isEqualTo("Restore and publish version 1");
        verify(pledges, never()).restore(anyLong(), anyInt(), anyInt(), anyString());

        when(pledges.restore(ID, 1, REVISION, "edith")).thenReturn(new PledgeVersion(3, Instant.now(), "edith", 1,
                content(principle("a", "Then"))));
        PostOutcome.Done done = done(posts.post(drawn("7/history/1/restore")));

        verify(pledges).restore(ID, 1, REVISION, "edith");
        assertThat(noticeText(done)).isEqualTo("Version 1 is restored and published as version 3");
    }

    @Test
    void aSignatoryDateMustBeRealAndTheSummaryLinksToTheDayBox() {
        given(content());

        Document doc = invalid(posts.post(drawn("7/signatories/new").with("name", "Youth Council")
                .with("signedOn-day", "31").with("signedOn-month", "2").with("signedOn-year", "2024")));

        assertThat(doc.select(".govuk-error-summary a[href=#signedOn-day]").text())
                .isEqualTo("The date must be a real date, like 27 3 2025");
        assertThat(doc.select("#signedOn-error").text()).contains("real date");
        assertThat(doc.select("#signedOn-day").val()).isEqualTo("31");
        assertThat(doc.select("#name").val()).isEqualTo("Youth Council");
        verify(pledges, never()).saveDraft(anyLong(), anyInt(), any(), anyString());

        done(posts.post(drawn("7/signatories/new").with("name", "Youth Council").with("role", "Young people")
                .with("signedOn-day", "29").with("signedOn-month", "2").with("signedOn-year", "2024")));
        assertThat(savedContent().signatories()).hasSize(2).last()
                .satisfies(s -> assertThat(s.signedOn()).isEqualTo(java.time.LocalDate.of(2024, 2, 29)));
    }

    @Test
    void thePreviewIsMarkedAsNotPublishedAndOffersEveryLayout() {
        given(content(principle("a", "Space", commitment("x", "Meet where young people choose")),
                principle("b", "Voice")));

        Document doc = html(page.render(editor("7/preview").with("layout", "cards")));

        assertThat(doc.select(".govuk-notification-banner").text()).contains("Preview - not published");
        assertThat(doc.select("nav a").eachAttr("href")).contains("/intranet/pledges/7/preview?layout=full",
                "/intranet/pledges/7/preview?layout=principle&principle=b");
        assertThat(doc.select("nav strong[aria-current=page]").text()).isEqualTo("As cards");
        assertThat(doc.text()).contains("Space", "Voice");
        assertThat(doc.select("h1")).isEmpty();
    }

    @Test
    void thePreviewSwitchesToEasyReadWording() {
        given(content(principle("a", "Space", new Commitment("x", "Meet where young people choose",
                "We meet where you like"))));

        Document standard = html(page.render(editor("7/preview")));
        assertThat(standard.text()).contains("Meet where young people choose").doesNotContain("We meet where you like");
        assertThat(standard.select("a[href=/intranet/pledges/7/preview?layout=full&easyRead=true]").text())
                .isEqualTo("Show the easy read version");

        Document easy = html(page.render(editor("7/preview").with("easyRead", "true")));
        assertThat(easy.text()).contains("We meet where you like");
        assertThat(easy.select("a[href=/intranet/pledges/7/preview?layout=full]").text())
                .isEqualTo("Show the standard version");
    }

    @Test
    void anUnknownPledgeIsReportedAsNotFound() {
        when(pledges.draft(99)).thenReturn(Optional.empty());

        assertThat(page.render(editor("99/details")).title()).contains("Page not found");
        assertThat(page.render(editor("7x")).title()).contains("Page not found");
        // The host answers these with 404, so a link checker or a bookmark sees it is gone.
        assertThat(page.render(editor("99/details")).status()).isEqualTo(404);
        assertThat(page.render(editor("no/such/screen")).status()).isEqualTo(404);
        assertThat(page.render(editor("")).status()).isEqualTo(200);
    }

    /**
     * The form at {@code action} as the page at {@code formPage} draws it, with its hidden fields
     * (the basis or revision it was drawn from), ready to be filled in and posted.
     */
    private FakeStaffRequest drawn(String formPage, String action) {
        FakeStaffRequest request = editor(action);
        html(page.render(editor(formPage))).select("form[action=/intranet/pledges/" + action + "] input[type=hidden]")
                .stream().filter(input -> !input.attr("name").equals("_csrf"))
                .forEach(input -> request.with(input.attr("name"), input.val()));
        return request;
    }

    private FakeStaffRequest drawn(String path) {
        return drawn(path, path);
    }

    /** The notice as the host shows it: translated with this page's words. */
    private String noticeText(PostOutcome.Done done) {
        return dev.participation.kit.i18n.Messages.of(java.util.Locale.UK, page.messages(java.util.Locale.UK))
                .get(done.notice().orElseThrow());
    }
}
