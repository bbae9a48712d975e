package dev.participation.pledge.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.participation.api.audit.AuditEntry;
import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.DraftChanged;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.pledge.api.Signatory;
import dev.participation.api.widget.Message;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestClock;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(PledgeSchema.NAME)
class PledgeStoreTest {

    /** Text that appears only in a draft; if it is anywhere in a public result, a draft leaked. */
    static final String DRAFT_ONLY = "UNPUBLISHED-7f3a9c";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A small pledge in our own words: one principle with two commitments and one signatory. */
    static PledgeContent content(String title, String firstCommitment) {
        return new PledgeContent(title, Audience.CHILDREN_AND_YOUNG_PEOPLE,
                "What we promise when you take part in our services.", "What we promise you.",
                List.of(new Principle("voice", "Voice", "Your views shape what we do.", "We listen to you.",
                        "/images/voice.png", "Two young people talking with a youth worker",
                        List.of(new Commitment("voice-1", firstCommitment, "We ask you first."),
                                new Commitment("voice-2", "We tell you what changed and why.", "")))),
                List.of(new Signatory("Chair of the Youth Forum", "Youth Forum", LocalDate.of(2026, 1, 20))));
    }

    static PledgeContent withoutPrinciples(String title) {
        return new PledgeContent(title, Audience.PARENTS_AND_CARERS, "", "", List.of(), List.of());
    }

    TestStorage db;
    TestClock clock;
    AuditLogStore audit;
    PledgeStore pledges;

    @BeforeEach
    void createStore(TestStorage db) {
        this.db = db;
        clock = db.clock();
        audit = new AuditLogStore(db.platform(), clock);
        pledges = new PledgeStore(db.storage(), audit, clock);
    }

    int revision(long id) {
        return pledges.draft(id).orElseThrow().revision();
    }

    /** Saves on top of whatever the draft is now, as an editor who has just opened it would. */
    PledgeDraft save(long id, PledgeContent content, String actor) {
        return pledges.saveDraft(id, pledges.draft(id).map(PledgeDraft::revision).orElse(1), content, actor);
    }

    PledgeVersion publish(long id, String actor) {
        return pledges.publish(id, pledges.draft(id).map(PledgeDraft::revision).orElse(1), actor);
    }

    /** Evidence as an editor adds it: shown at once. */
    Evidence addEvidence(long pledgeId, String commitmentKey, LocalDate date, String description, String link,
            String actor) {
        return pledges.addEvidence(pledgeId, commitmentKey, date, description, link, actor, true);
    }

    List<String> actionsOn(long id) {
        return audit.forRecord("pledge", String.valueOf(id)).stream().map(AuditEntry::action).toList();
    }

    static Map<String, Message> errorsOf(Runnable change) {
        PledgeProblem problem = catchThrowableOfType(PledgeProblem.class, change::run);
        assertThat(problem).as("a PledgeProblem").isNotNull();
        return problem.errors();
    }

    @StoreTest
    void aPledgeIsCreatedSavedPublishedAndReadBackExactly() {
        PledgeContent first = content("Our promise to young people", "We ask before we decide.");
        PledgeDraft created = pledges.create("our-promise", first, "editor1");

        assertThat(created.slug()).isEqualTo("our-promise");
        assertThat(created.content()).isEqualTo(first);
        assertThat(created.publishedVersion()).isZero();
        assertThat(created.unpublishedChanges()).isTrue();
        assertThat(created.updatedBy()).isEqualTo("editor1");
        assertThat(created.updatedAt()).isEqualTo(clock.instant());
        assertThat(pledges.published("our-promise")).isEmpty();
        assertThat(pledges.published("our\u0000promise")).as("a forged address PostgreSQL would refuse").isEmpty();
        assertThat(pledges.published()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        PledgeContent edited = content("Our promise to young people", "We ask you before we decide anything.");
        PledgeDraft saved = save(created.id(), edited, "editor2");
        assertThat(saved.content()).isEqualTo(edited);
        assertThat(saved.updatedBy()).isEqualTo("editor2");
        assertThat(saved.updatedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(5));
        PledgeVersion v1 = publish(created.id(), "manager1");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.restoredFrom()).isZero();
        assertThat(v1.publishedBy()).isEqualTo("manager1");
        assertThat(v1.publishedAt()).isEqualTo(clock.instant());
        assertThat(v1.content()).isEqualTo(edited);

        PublishedPledge shown = pledges.published("our-promise").orElseThrow();
        assertThat(shown.id()).isEqualTo(created.id());
        assertThat(shown.version()).isEqualTo(1);
        assertThat(shown.publishedAt()).isEqualTo(clock.instant());
        assertThat(shown.content()).isEqualTo(edited);
        assertThat(shown.evidence()).isEmpty();
        assertThat(pledges.published()).containsExactly(shown);
        assertThat(pledges.history(created.id())).containsExactly(v1);
        assertThat(pledges.draft(created.id())).get().satisfies(draft -> {
            assertThat(draft.publishedVersion()).isEqualTo(1);
            assertThat(draft.unpublishedChanges()).isFalse();
        });
        assertThat(pledges.drafts()).extracting(PledgeDraft::slug).containsExactly("our-promise");
    }

    @StoreTest
    void everyFieldSurvivesStorage() {
        PledgeContent full = new PledgeContent("Charter for parents and carers", Audience.PARENTS_AND_CARERS,
                "Line one.\n\nSee [our page](https://example.org/charter).", "Easy words.",
                List.of(new Principle("information", "Information", "You get clear information.", "",
                                "https://example.org/a.png", "A leaflet",
                                List.of(new Commitment("info-1", "Letters in plain English.", "Plain letters."))),
                        new Principle("relationships", "Relationships", "We get to know you.", "We know you.",
                                "", "", List.of())),
                List.of(new Signatory("Director of Children's Services", "", LocalDate.of(2025, 11, 3)),
                        new Signatory("Zoë Ł. 😀", "Parent Carer Forum", LocalDate.of(2025, 12, 1))));
        PledgeDraft created = pledges.create("parents-charter", full, "editor1");

        assertThat(pledges.draft(created.id()).orElseThrow().content()).isEqualTo(full);
        publish(created.id(), "editor1");
        assertThat(pledges.published("parents-charter").orElseThrow().content()).isEqualTo(full);
    }

    @StoreTest
    void draftChangesAfterPublicationNeverReachThePublicReads() throws Exception {
        PledgeDraft created = pledges.create("young-people", content("Our pledge", "We meet you where you are."),
                "editor1");
        publish(created.id(), "editor1");
        PublishedPledge before = pledges.published("young-people").orElseThrow();

        // The marker goes into every text field of the draft, and into a commitment only the draft has.
        PledgeContent secret = new PledgeContent("Title " + DRAFT_ONLY, Audience.EVERYONE, "Intro " + DRAFT_ONLY,
                "Easy " + DRAFT_ONLY,
                List.of(new Principle("voice", "Voice " + DRAFT_ONLY, "Promise " + DRAFT_ONLY, DRAFT_ONLY,
                        "/" + DRAFT_ONLY + ".png", "Alt " + DRAFT_ONLY,
                        List.of(new Commitment("voice-1", "Commitment " + DRAFT_ONLY, DRAFT_ONLY),
                                new Commitment("draft-only-" + DRAFT_ONLY, "New " + DRAFT_ONLY, "")))),
                List.of(new Signatory("Signed " + DRAFT_ONLY, DRAFT_ONLY, LocalDate.of(2026, 2, 1))));
        save(created.id(), secret, "editor2");
        // Evidence for the draft-only commitment is allowed but must not be listed publicly yet.
        addEvidence(created.id(), "draft-only-" + DRAFT_ONLY, LocalDate.of(2026, 2, 20),
                "Ran a session", "", "editor2");

        PublishedPledge after = pledges.published("young-people").orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThat(after.toString()).doesNotContain(DRAFT_ONLY);
        assertThat(JSON.writeValueAsString(after)).doesNotContain(DRAFT_ONLY);
        assertThat(pledges.published().toString()).doesNotContain(DRAFT_ONLY);
        assertThat(JSON.writeValueAsString(pledges.published())).doesNotContain(DRAFT_ONLY);
        // ...while the editors do see it.
        assertThat(pledges.draft(created.id()).orElseThrow().toString()).contains(DRAFT_ONLY);

        publish(created.id(), "editor2");
        assertThat(pledges.published("young-people").orElseThrow().content()).isEqualTo(secret);
        assertThat(pledges.published("young-people").orElseThrow().evidence())
                .containsOnlyKeys("draft-only-" + DRAFT_ONLY);
    }

    @StoreTest
    void aPledgeNeverPublishedIsNotPublic() {
        pledges.create("first", content("First", "One."), "editor1");
        PledgeDraft second = pledges.create("second", content("Second " + DRAFT_ONLY, "Two."), "editor1");
        PledgeDraft third = pledges.create("third", content("Third", "Three."), "editor1");
        publish(third.id(), "editor1");
        publish(second.id(), "editor1");
        save(second.id(), content("Second", "Two " + DRAFT_ONLY), "editor1");

        assertThat(pledges.published()).extracting(PublishedPledge::slug).containsExactly("second", "third");
        assertThat(pledges.published("first")).isEmpty();
        assertThat(pledges.published("nope")).isEmpty();
        assertThat(pledges.published((String) null)).isEmpty();
        assertThat(pledges.drafts()).extracting(PledgeDraft::slug).containsExactly("first", "second", "third");
        assertThat(pledges.published("second").orElseThrow().content().title()).contains(DRAFT_ONLY);
        assertThat(pledges.published("second").orElseThrow().toString()).doesNotContain("Two " + DRAFT_ONLY);
    }

    @StoreTest
    void unpublishedChangesFollowTheDraft() {
        PledgeContent original = content("Our pledge", "We listen.");
        long id = pledges.create("flags", original, "editor1").id();
        assertThat(pledges.draft(id).orElseThrow().unpublishedChanges()).isTrue();

        publish(id, "editor1");
        assertThat(pledges.draft(id).orElseThrow().unpublishedChanges()).isFalse();

        save(id, content("Our pledge", "We listen, and we act."), "editor1");
        assertThat(pledges.draft(id).orElseThrow().unpublishedChanges()).isTrue();
        assertThat(pledges.drafts()).singleElement().satisfies(d -> assertThat(d.unpublishedChanges()).isTrue());

        publish(id, "editor1");
        assertThat(pledges.draft(id).orElseThrow().unpublishedChanges()).isFalse();
        assertThat(pledges.draft(id).orElseThrow().publishedVersion()).isEqualTo(2);

        // Saving the published text again is no change.
        save(id, content("Our pledge", "We listen, and we act."), "editor1");
        assertThat(pledges.draft(id).orElseThrow().unpublishedChanges()).isFalse();
    }

    @StoreTest
    void restoringAnOldVersionPublishesItAgainAndMakesItTheDraft() {
        PledgeContent one = content("Our pledge", "Version one words.");
        PledgeContent two = content("Our pledge", "Version two words.");
        long id = pledges.create("restore-me", one, "editor1").id();
        publish(id, "editor1");
        save(id, two, "editor1");
        clock.advance(Duration.ofDays(1));
        publish(id, "editor1");
        save(id, content("Our pledge", "Unfinished words."), "editor1");
        clock.advance(Duration.ofDays(1));

        PledgeVersion three = pledges.restore(id, 1, revision(id), "manager1");

        assertThat(three.version()).isEqualTo(3);
        assertThat(three.restoredFrom()).isEqualTo(1);
        assertThat(three.content()).isEqualTo(one);
        assertThat(three.publishedBy()).isEqualTo("manager1");
        assertThat(three.publishedAt()).isEqualTo(clock.instant());
        assertThat(pledges.history(id)).extracting(PledgeVersion::version).containsExactly(3, 2, 1);
        assertThat(pledges.history(id)).extracting(PledgeVersion::content).containsExactly(one, two, one);
        assertThat(pledges.history(id)).extracting(PledgeVersion::restoredFrom).containsExactly(1, 0, 0);
        PledgeDraft draft = pledges.draft(id).orElseThrow();
        assertThat(draft.content()).isEqualTo(one);
        assertThat(draft.publishedVersion()).isEqualTo(3);
        assertThat(draft.unpublishedChanges()).isFalse();
        assertThat(draft.updatedBy()).isEqualTo("manager1");
        PublishedPledge shown = pledges.published("restore-me").orElseThrow();
        assertThat(shown.version()).isEqualTo(3);
        assertThat(shown.content()).isEqualTo(one);
        assertThat(audit.forRecord("pledge", String.valueOf(id))).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("pledge.restore");
            assertThat(entry.actor()).isEqualTo("manager1");
            assertThat(entry.detail()).contains("version 1 as version 3");
        });
    }

    @StoreTest
    void restoringSomethingMissingSaysSoAndChangesNothing() {
        long id = pledges.create("restore-missing", content("Our pledge", "Words."), "editor1").id();
        publish(id, "editor1");

        assertThatThrownBy(() -> pledges.restore(id, 2, revision(id), "editor1")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> pledges.restore(id, 0, revision(id), "editor1")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> pledges.restore(id + 100, 1, 1, "editor1"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(pledges.history(id)).hasSize(1);
        assertThat(actionsOn(id)).containsExactly("pledge.create", "pledge.publish");
    }

    @StoreTest
    void missingPledgesAreReportedAsMissing() {
        assertThatThrownBy(() -> save(42, content("T", "C"), "editor1"))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> publish(42, "editor1")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> addEvidence(42, "voice-1", LocalDate.of(2026, 1, 1), "Done", "",
                "editor1")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> pledges.removeEvidence(42, 1, "editor1"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(pledges.draft(42)).isEmpty();
        assertThat(pledges.history(42)).isEmpty();
        assertThat(pledges.evidence(42, "voice-1")).isEmpty();
        assertThat(audit.recent(10)).isEmpty();
    }

    @StoreTest
    void anEmptyPledgeCannotBePublished() {
        long id = pledges.create("empty", withoutPrinciples("Charter in progress"), "editor1").id();

        assertThat(errorsOf(() -> publish(id, "editor1")))
                .containsEntry("principles", Message.of("pledge.error.noPrinciples"));
        assertThat(pledges.history(id)).isEmpty();
        assertThat(pledges.published("empty")).isEmpty();
        assertThat(actionsOn(id)).containsExactly("pledge.create");
    }

    @StoreTest
    void contentBreakingTheRulesIsRefused() {
        PledgeContent untitled = content("", "We listen.");
        assertThat(errorsOf(() -> pledges.create("untitled", untitled, "editor1")))
                .containsEntry("title", Message.of("pledge.error.required"));

        long id = pledges.create("titled", content("Titled", "We listen."), "editor1").id();
        assertThat(errorsOf(() -> save(id, content("Titled", ""), "editor1")))
                .containsOnlyKeys("principles[0].commitments[0].text");
        assertThat(pledges.draft(id).orElseThrow().content()).isEqualTo(content("Titled", "We listen."));
        assertThat(pledges.drafts()).hasSize(1);
        assertThat(actionsOn(id)).containsExactly("pledge.create");
    }

    @StoreTest
    void slugsMustBeWellFormedAndUnused() {
        for (String bad : new String[] {null, "", "a", "Our-Pledge", "our pledge", "-our", "our--pledge",
                "x".repeat(61)}) {
            assertThat(errorsOf(() -> pledges.create(bad, content("Our pledge", "We listen."), "editor1")))
                    .as("slug %s", bad).containsEntry("slug", Message.of("pledge.error.slug"));
        }
        // Slug and content problems are reported together.
        assertThat(errorsOf(() -> pledges.create("Bad", content("", "We listen."), "editor1")))
                .containsOnlyKeys("slug", "title");

        pledges.create("our-pledge", content("Our pledge", "We listen."), "editor1");
        assertThat(errorsOf(() -> pledges.create("our-pledge", content("Another", "We act."), "editor2")))
                .containsExactly(Map.entry("slug", Message.of("pledge.error.slugTaken")));
        assertThat(pledges.drafts()).singleElement().satisfies(d -> assertThat(d.content().title())
                .isEqualTo("Our pledge"));
        assertThat(audit.recent(10)).extracting(AuditEntry::action).containsExactly("pledge.create");
    }

    @StoreTest
    void concurrentCreatesOfOneSlugLeaveOnePledgeAndTellTheOthersItIsTaken() throws Exception {
        int editors = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < editors; i++) {
                String actor = "editor" + i;
                outcomes.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    try {
                        pledges.create("shared-slug", content("By " + actor, "We listen."), actor);
                        return "created";
                    } catch (PledgeProblem problem) {
                        return problem.errors().get("slug").key();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce("created");
            assertThat(results).filteredOn(r -> !r.equals("created")).hasSize(editors - 1)
                    .containsOnly("pledge.error.slugTaken");
        } finally {
            pool.shutdownNow();
        }
        assertThat(pledges.drafts()).hasSize(1);
        assertThat(db.count("SELECT COUNT(*) FROM audit_log WHERE action = 'pledge.create'")).isEqualTo(1);
    }

    @StoreTest
    void concurrentPublicationsGetEveryNumberOnce() throws Exception {
        long id = pledges.create("busy", content("Busy pledge", "We listen."), "editor1").id();
        int threads = 4;
        int each = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> runs = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String actor = "editor" + t;
                runs.add(pool.submit(() -> {
                    start.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(publish(id, actor).version());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Integer> returned = new ArrayList<>();
            for (Future<List<Integer>> run : runs) {
                returned.addAll(run.get(60, TimeUnit.SECONDS));
            }
            assertThat(returned).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, threads * each).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(pledges.history(id)).extracting(PledgeVersion::version).containsExactlyElementsOf(
                IntStream.rangeClosed(1, threads * each).map(v -> threads * each + 1 - v).boxed().toList());
        assertThat(pledges.published("busy").orElseThrow().version()).isEqualTo(threads * each);
        assertThat(actionsOn(id)).filteredOn("pledge.publish"::equals).hasSize(threads * each);
    }

    @StoreTest
    void aSaveFromAnOlderRevisionIsRefusedAndChangesNothing() {
        PledgeDraft created = pledges.create("two-editors", content("Our pledge", "We listen."), "alice");
        assertThat(created.revision()).isEqualTo(1);
        PledgeDraft first = pledges.saveDraft(created.id(), 1, content("Our pledge", "Alice's words."), "alice");
        assertThat(first.revision()).isEqualTo(2);

        DraftChanged refused = catchThrowableOfType(DraftChanged.class,
                () -> pledges.saveDraft(created.id(), 1, content("Our pledge", "Bob's words."), "bob"));

        assertThat(refused).as("a DraftChanged").isNotNull();
        assertThat(refused.current().revision()).isEqualTo(2);
        assertThat(refused.current().content()).isEqualTo(content("Our pledge", "Alice's words."));
        assertThat(pledges.draft(created.id()).orElseThrow()).isEqualTo(first);
        assertThat(actionsOn(created.id())).containsExactly("pledge.create", "pledge.draft.save");
    }

    @StoreTest
    void publishingRefusesADraftThatChangedAfterItWasChecked() {
        long id = pledges.create("checked", content("Our pledge", "What the editor checked."), "alice").id();
        int checked = revision(id);
        save(id, content("Our pledge", "Changed after the check " + DRAFT_ONLY), "bob");

        DraftChanged refused = catchThrowableOfType(DraftChanged.class, () -> pledges.publish(id, checked, "alice"));

        assertThat(refused).as("a DraftChanged").isNotNull();
        assertThat(refused.current().content().principles().get(0).commitments().get(0).text())
                .contains(DRAFT_ONLY);
        assertThat(pledges.history(id)).isEmpty();
        assertThat(pledges.published("checked")).isEmpty();
        assertThat(pledges.publish(id, refused.current().revision(), "alice").content())
                .isEqualTo(refused.current().content());
    }

    @StoreTest
    void restoringRefusesADraftChangedSinceAndMakesANewRevision() {
        long id = pledges.create("restored", content("Our pledge", "One."), "alice").id();
        publish(id, "alice");
        int before = revision(id);
        save(id, content("Our pledge", "Changed after the restore page was opened."), "bob");
        assertThatThrownBy(() -> pledges.restore(id, 1, before, "alice")).isInstanceOf(DraftChanged.class);
        assertThat(pledges.history(id)).hasSize(1);
        assertThat(pledges.draft(id).orElseThrow().content().principles().get(0).commitments().get(0).text())
                .isEqualTo("Changed after the restore page was opened.");

        pledges.restore(id, 1, before + 1, "alice");

        assertThat(revision(id)).isEqualTo(before + 2);
        assertThatThrownBy(() -> pledges.saveDraft(id, before, content("Our pledge", "Two."), "bob"))
                .isInstanceOf(DraftChanged.class);
    }

    /**
     * The testers' finding: two editors change two different commitments of one draft from the
     * same page at the same moment. Each save must either land or be refused; a refused edit is
     * nowhere in the draft, a landed one is exactly the draft.
     */
    @StoreTest
    void twoEditorsSavingOneDraftAtOnceNeverLoseAnEditUnseen() throws Exception {
        long id = pledges.create("race", content("Our pledge", "We listen."), "alice").id();
        int rounds = 25;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int landedInAll = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                PledgeDraft basis = pledges.draft(id).orElseThrow();
                PledgeContent alices = withCommitmentText(basis.content(), 0, "Alice, round " + round);
                PledgeContent bobs = withCommitmentText(basis.content(), 1, "Bob, round " + round);
                Future<PledgeDraft> alice = pool.submit(savingTogether(together, id, basis.revision(), alices, "alice"));
                Future<PledgeDraft> bob = pool.submit(savingTogether(together, id, basis.revision(), bobs, "bob"));
                PledgeDraft aliceSaved = alice.get(60, TimeUnit.SECONDS);
                PledgeDraft bobSaved = bob.get(60, TimeUnit.SECONDS);

                PledgeDraft now = pledges.draft(id).orElseThrow();
                assertThat(now.revision()).as("round %d", round).isEqualTo(basis.revision() + 1);
                // Exactly one lands (null means refused as a conflict) and it is the draft now.
                assertThat(aliceSaved == null ^ bobSaved == null).as("round %d: one lands", round).isTrue();
                PledgeContent landed = aliceSaved != null ? alices : bobs;
                PledgeContent refused = aliceSaved != null ? bobs : alices;
                assertThat(now.content()).as("round %d", round).isEqualTo(landed).isNotEqualTo(refused);
                landedInAll++;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(actionsOn(id)).filteredOn("pledge.draft.save"::equals).hasSize(landedInAll);
    }

    private Callable<PledgeDraft> savingTogether(CyclicBarrier together, long id, int revision,
            PledgeContent content, String actor) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            try {
                return pledges.saveDraft(id, revision, content, actor);
            } catch (DraftChanged conflict) {
                return null;
            }
        };
    }

    private static PledgeContent withCommitmentText(PledgeContent c, int commitment, String text) {
        Principle p = c.principles().get(0);
        List<Commitment> commitments = new ArrayList<>(p.commitments());
        Commitment old = commitments.get(commitment);
        commitments.set(commitment, new Commitment(old.key(), text, old.easyReadText()));
        return new PledgeContent(c.title(), c.audience(), c.introduction(), c.easyReadIntroduction(),
                List.of(new Principle(p.key(), p.title(), p.promise(), p.easyReadPromise(), p.imageUrl(),
                        p.imageAlt(), commitments)),
                c.signatories());
    }

    @StoreTest
    void evidenceIsCheckedBeforeItIsStored() {
        long id = pledges.create("evidence-rules", content("Our pledge", "We listen."), "editor1").id();
        LocalDate today = LocalDate.of(2026, 3, 2); // the test clock's day

        assertThat(errorsOf(() -> addEvidence(id, "voice-1", today.plusDays(1), "Held a forum", "",
                "editor1"))).containsExactly(Map.entry("date", Message.of("pledge.error.date")));
        assertThat(errorsOf(() -> addEvidence(id, "voice-1", null, "Held a forum", "", "editor1")))
                .containsOnlyKeys("date");
        for (String link : new String[] {"javascript:alert(1)", "ftp://example.org/file", "example.org",
                "https://example.org/a b", "http://example.org/report", "https://evil.example\\@example.org"}) {
            assertThat(errorsOf(() -> addEvidence(id, "voice-1", today, "Held a forum", link,
                    "editor1"))).as(link).containsExactly(Map.entry("link", Message.of("pledge.error.link")));
        }
        assertThat(errorsOf(() -> addEvidence(id, "no-such-commitment", today, "Held a forum", "",
                "editor1"))).containsExactly(Map.entry("commitment", Message.of("pledge.error.commitment")));
        assertThat(errorsOf(() -> addEvidence(id, null, today, "Held a forum", "", "editor1")))
                .containsOnlyKeys("commitment");
        assertThat(errorsOf(() -> addEvidence(id, "voice-1", today, "  ", "", "editor1")))
                .containsExactly(Map.entry("description", Message.of("pledge.error.description")));
        assertThat(errorsOf(() -> addEvidence(id, "voice-1", today, "x".repeat(5001), "", "editor1")))
                .containsOnlyKeys("description");
        // Everything wrong at once is reported at once.
        assertThat(errorsOf(() -> addEvidence(id, "nope", today.plusYears(1), "", "mailto:a@b.c",
                "editor1"))).containsOnlyKeys("commitment", "date", "description", "link");

        assertThat(pledges.evidence(id, "voice-1")).isEmpty();
        assertThat(actionsOn(id)).containsExactly("pledge.create");

        // Today, no link, and a web address are all fine.
        addEvidence(id, "voice-1", today, "Held a forum", "", "editor1");
        addEvidence(id, "voice-1", today.minusYears(2), "x".repeat(5000), "https://example.org/report",
                "editor1");
        assertThat(pledges.evidence(id, "voice-1")).hasSize(2);
    }

    @StoreTest
    void evidenceMayPointAtTheDraftOrThePublishedVersion() {
        long id = pledges.create("either", content("Our pledge", "We listen."), "editor1").id();
        publish(id, "editor1");
        // The draft drops voice-2 and adds voice-3.
        save(id, new PledgeContent("Our pledge", Audience.EVERYONE, "", "",
                List.of(new Principle("voice", "Voice", "We listen.", "", "", "",
                        List.of(new Commitment("voice-1", "We listen.", ""),
                                new Commitment("voice-3", "We write back.", "")))),
                List.of()), "editor1");
        LocalDate day = LocalDate.of(2026, 2, 1);

        addEvidence(id, "voice-2", day, "Only in the published version", "", "editor1");
        addEvidence(id, "voice-3", day, "Only in the draft", "", "editor1");

        assertThat(pledges.published("either").orElseThrow().evidence()).containsOnlyKeys("voice-2");
    }

    @StoreTest
    void evidenceIsListedNewestFirstAndSummarisedPublicly() {
        long id = pledges.create("summary", content("Our pledge", "We listen."), "editor1").id();
        publish(id, "editor1");
        Evidence older = addEvidence(id, "voice-1", LocalDate.of(2026, 1, 10), "January forum", "",
                "editor1");
        clock.advance(Duration.ofMinutes(1));
        Evidence sameDayFirst = addEvidence(id, "voice-1", LocalDate.of(2026, 2, 14), "Survey closed",
                "https://example.org/survey", "editor2");
        clock.advance(Duration.ofMinutes(1));
        Evidence sameDayLater = addEvidence(id, "voice-1", LocalDate.of(2026, 2, 14),
                "Results shared with the Youth Forum", "", "editor3");
        clock.advance(Duration.ofMinutes(1));
        // Added last, but about the earliest day: not the latest.
        Evidence addedLast = addEvidence(id, "voice-1", LocalDate.of(2025, 12, 1), "December visit", "",
                "editor1");
        Evidence other = addEvidence(id, "voice-2", LocalDate.of(2026, 2, 1), "Wrote back to everyone",
                "", "editor1");

        assertThat(sameDayFirst.link()).isEqualTo("https://example.org/survey");
        assertThat(sameDayLater.addedBy()).isEqualTo("editor3");
        assertThat(sameDayLater.addedAt()).isEqualTo(Instant.parse("2026-03-02T09:02:00Z"));
        assertThat(pledges.evidence(id, "voice-1")).containsExactly(sameDayLater, sameDayFirst, older, addedLast);
        assertThat(pledges.evidence(id, "voice-2")).containsExactly(other);

        Map<String, EvidenceSummary> shown = pledges.published("summary").orElseThrow().evidence();
        assertThat(shown).containsOnly(Map.entry("voice-1", new EvidenceSummary(4, sameDayLater)),
                Map.entry("voice-2", new EvidenceSummary(1, other)));
        assertThat(pledges.published()).singleElement().satisfies(p -> assertThat(p.evidence()).isEqualTo(shown));

        pledges.removeEvidence(id, sameDayLater.id(), "editor2");
        assertThat(pledges.published("summary").orElseThrow().evidence().get("voice-1"))
                .isEqualTo(new EvidenceSummary(3, sameDayFirst));
    }

    @StoreTest
    void evidenceFromStaffWaitsForAnEditorBeforeThePublicSeesIt() {
        long id = pledges.create("held", content("Our pledge", "We listen."), "editor1").id();
        publish(id, "editor1");
        Evidence editors = addEvidence(id, "voice-1", LocalDate.of(2026, 1, 10), "Forum", "", "editor1");
        clock.advance(Duration.ofMinutes(1));
        Evidence staffs = pledges.addEvidence(id, "voice-1", LocalDate.of(2026, 2, 1), "Survey " + DRAFT_ONLY,
                "https://example.org/survey", "sam", false);

        assertThat(editors.approved()).isTrue();
        assertThat(editors.approvedBy()).isEqualTo("editor1");
        assertThat(staffs.approved()).isFalse();
        assertThat(pledges.evidence(id, "voice-1")).containsExactly(staffs, editors);
        assertThat(pledges.published("held").orElseThrow().evidence())
                .containsOnly(Map.entry("voice-1", new EvidenceSummary(1, editors)));
        assertThat(pledges.published().toString()).doesNotContain(DRAFT_ONLY);

        Evidence approved = pledges.approveEvidence(id, staffs.id(), "editor2");
        pledges.approveEvidence(id, staffs.id(), "editor3");

        assertThat(approved.approvedBy()).isEqualTo("editor2");
        assertThat(pledges.published("held").orElseThrow().evidence())
                .containsOnly(Map.entry("voice-1", new EvidenceSummary(2, approved)));
        assertThat(audit.forRecord("pledge", String.valueOf(id))).filteredOn(e -> e.action().equals(
                "pledge.evidence.approve")).singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("editor2");
                    assertThat(e.detail()).contains("evidence " + staffs.id());
                });
        assertThatThrownBy(() -> pledges.approveEvidence(id, 999_999, "editor2"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @StoreTest
    void evidenceIsRemovedOnlyFromItsOwnPledge() {
        long first = pledges.create("first", content("First", "We listen."), "editor1").id();
        long second = pledges.create("second", content("Second", "We listen."), "editor1").id();
        Evidence kept = addEvidence(first, "voice-1", LocalDate.of(2026, 2, 1), "Forum", "", "editor1");

        assertThatThrownBy(() -> pledges.removeEvidence(second, kept.id(), "editor2"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(pledges.evidence(first, "voice-1")).containsExactly(kept);
        assertThat(actionsOn(second)).containsExactly("pledge.create");

        pledges.removeEvidence(first, kept.id(), "editor2");
        assertThat(pledges.evidence(first, "voice-1")).isEmpty();
        assertThatThrownBy(() -> pledges.removeEvidence(first, kept.id(), "editor2"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @StoreTest
    void everyChangeIsAuditedWithItsActor() {
        long id = pledges.create("audited", content("Our pledge", "We listen."), "alice").id();
        save(id, content("Our pledge", "We listen to you."), "bob");
        publish(id, "carol");
        publish(id, "dan");
        pledges.restore(id, 1, revision(id), "erin");
        Evidence evidence = addEvidence(id, "voice-1", LocalDate.of(2026, 3, 1), "Forum held", "",
                "frank");
        pledges.removeEvidence(id, evidence.id(), "grace");

        List<AuditEntry> entries = audit.forRecord("pledge", String.valueOf(id));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("pledge.create", "pledge.draft.save",
                "pledge.publish", "pledge.publish", "pledge.restore", "pledge.evidence.add",
                "pledge.evidence.remove");
        assertThat(entries).extracting(AuditEntry::actor)
                .containsExactly("alice", "bob", "carol", "dan", "erin", "frank", "grace");
        assertThat(entries.get(0).detail()).contains("audited");
        assertThat(entries.get(2).detail()).contains("version 1");
        assertThat(entries.get(3).detail()).contains("version 2");
        assertThat(entries.get(4).detail()).contains("from", "version 1 as version 3");
        assertThat(entries.get(5).detail()).contains("evidence " + evidence.id(), "voice-1", "2026-03-01");
        assertThat(entries.get(6).detail()).contains("evidence " + evidence.id(), "Forum held");
    }
}
