package dev.participation.groups.internal.join;

import static dev.participation.groups.JoinExamples.byEmail;
import static dev.participation.groups.JoinExamples.byPhone;
import static dev.participation.groups.JoinExamples.throughKeyWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.OutboxEntry;
import dev.participation.groups.GroupExamples;
import dev.participation.groups.JoinExamples;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.join.Confirmation;
import dev.participation.groups.api.join.JoinProblem;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.groups.api.join.JoinRequestChanged;
import dev.participation.groups.api.join.JoinRequests;
import dev.participation.groups.api.join.JoinStatus;
import dev.participation.groups.api.join.Reach;
import dev.participation.groups.internal.store.GroupSchema;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/** Requests to join on H2 and PostgreSQL. Every clock starts on Monday 2 March 2026, 09:00 UTC. */
@OwnSchema(GroupSchema.NAME)
class JoinRequestStoreTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final LocalDate MONDAY_AFTER = LocalDate.of(2026, 3, 9);

    TestStorage db;
    AuditLogStore audit;
    OutboxStore outbox;
    GroupStore groups;
    JoinRequestStore requests;
    Group forum;
    int submissions;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        groups = new GroupStore(db.storage(), audit, db.clock());
        requests = new JoinRequestStore(db.storage(), audit, outbox, db.clock(), JoinExamples.settings());
        forum = groups.create("youth-forum", GroupExamples.forum("Youth Forum"), "edith");
    }

    String submission() {
        return "submission-000000-" + (++submissions);
    }

    JoinRequest ask(dev.participation.groups.api.join.JoinAsk ask) {
        return requests.ask("youth-forum", submission(), ask, UTC, Locale.UK);
    }

    long count(String table) {
        return db.count("SELECT COUNT(*) FROM " + table);
    }

    List<String> actions(long id) {
        return audit.forRecord(JoinRequestStore.RECORD_TYPE, Long.toString(id)).stream().map(AuditEntry::action)
                .toList();
    }

    @StoreTest
    void aRequestIsKeptWithItsConfirmationInTheOutbox() {
        JoinRequest kept = ask(byEmail("Amira", "amira@example.org"));

        assertThat(kept.status()).isEqualTo(JoinStatus.NEW);
        assertThat(kept.respondBy()).isEqualTo(MONDAY_AFTER);
        assertThat(kept.ask().email()).isEqualTo("amira@example.org");
        assertThat(kept.groupId()).isEqualTo(forum.id());
        List<OutboxEntry> queued = outbox.recent(10);
        assertThat(queued).extracting(OutboxEntry::to).containsExactly("amira@example.org");
        MailMessage mail = outbox.read(queued.get(0).id(), "test").orElseThrow();
        assertThat(mail.subject()).isEqualTo("Your request to join Youth Forum");
        assertThat(mail.body()).startsWith("Hello Amira,").contains("will get in touch by 9 March 2026");
    }

    @StoreTest
    void theRequestAndItsMailAreOneTransaction() {
        assertThatThrownBy(() -> db.storage().write(c -> {
            ask(byEmail("Amira", "amira@example.org"));
            throw new IllegalStateException("the work around it failed");
        })).hasMessage("the work around it failed");

        assertThat(count("group_join_request")).isZero();
        assertThat(count("mail_outbox")).isZero();
    }

    @StoreTest
    void aPhoneOnlyRequestQueuesNoMail() {
        JoinRequest kept = ask(byPhone("Kai", "07700 900982"));

        assertThat(kept.ask().phone()).isEqualTo("07700 900982");
        assertThat(count("mail_outbox")).isZero();
        assertThat(requests.confirmation("youth-forum", "submission-000000-1")).contains(
                new Confirmation("youth-forum", "Youth Forum", MONDAY_AFTER, Reach.PHONE, false));
    }

    @StoreTest
    void aKeyWorkersAddressGetsTheConfirmationOfARequestMadeThroughThem() {
        ask(throughKeyWorker("Sam", "Jo Baker", "jo.baker@example.org"));

        assertThat(outbox.recent(10)).extracting(OutboxEntry::to).containsExactly("jo.baker@example.org");
        MailMessage mail = outbox.read(outbox.recent(1).get(0).id(), "test").orElseThrow();
        assertThat(mail.body()).startsWith("Hello Jo Baker,").contains("Sam asked to join a group");
    }

    @StoreTest
    void theResponseTargetCountsWorkingDaysWhereThePersonAsked() {
        // Thursday 5 March, 23:30 UTC: still Thursday in London, already Friday in Helsinki.
        db.clock().advance(Duration.between(Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-05T23:30:00Z")));

        JoinRequest london = requests.ask("youth-forum", submission(), byEmail("A", "a@example.org"),
                ZoneId.of("Europe/London"), Locale.UK);
        JoinRequest helsinki = requests.ask("youth-forum", submission(), byEmail("B", "b@example.org"),
                ZoneId.of("Europe/Helsinki"), Locale.UK);

        assertThat(london.respondBy()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(helsinki.respondBy()).isEqualTo(LocalDate.of(2026, 3, 13));
    }

    @StoreTest
    void aBadRequestIsRefusedWithItsReasons() {
        assertThatThrownBy(() -> ask(new dev.participation.groups.api.join.JoinAsk("", 10, Reach.EMAIL,
                "amira@example.org", "", "", null, "", "", "", null, true)))
                .isInstanceOfSatisfying(JoinProblem.class, p -> assertThat(p.problems())
                        .containsOnlyKeys("firstName", "consentName", "consentRole"));
        assertThat(count("group_join_request")).isZero();
    }

    @StoreTest
    void theSameFormSentTwiceMakesOneRequest() {
        JoinRequest first = requests.ask("youth-forum", "same-form-0000000001", byEmail("Amira", "amira@example.org"),
                UTC, Locale.UK);
        JoinRequest again = requests.ask("youth-forum", "same-form-0000000001", byEmail("Amira", "amira@example.org"),
                UTC, Locale.UK);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(count("group_join_request")).isEqualTo(1);
        assertThat(count("mail_outbox")).isEqualTo(1);
    }

    @StoreTest
    void theSameFormSentTwiceAtOnceMakesOneRequest() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Long> send = () -> {
            together.await(10, TimeUnit.SECONDS);
            return requests.ask("youth-forum", "same-form-0000000002", byEmail("Amira", "amira@example.org"), UTC,
                    Locale.UK).id();
        };

        List<Long> ids = both(send, send);

        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(count("group_join_request")).isEqualTo(1);
        assertThat(count("mail_outbox")).isEqualTo(1);
    }

    @StoreTest
    void ofTwoStatusChangesFromOneVersionOnlyOneLands() throws Exception {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> contacted = () -> {
            together.await(10, TimeUnit.SECONDS);
            return change(r, JoinStatus.CONTACTED, "");
        };
        Callable<String> declined = () -> {
            together.await(10, TimeUnit.SECONDS);
            return change(r, JoinStatus.DECLINED, "The group is full this term.");
        };

        List<String> outcomes = both(contacted, declined);

        assertThat(outcomes).containsOnlyOnce("refused");
        JoinRequest now = requests.read(r.id(), "sam").orElseThrow();
        assertThat(now.version()).isEqualTo(r.version() + 1);
        assertThat(outcomes).contains(now.status().code());
    }

    private String change(JoinRequest r, JoinStatus status, String reason) {
        try {
            return requests.changeStatus(r.id(), r.version(), status, reason, "sam").status().code();
        } catch (JoinRequestChanged e) {
            return "refused";
        }
    }

    @SafeVarargs
    private static <T> List<T> both(Callable<T>... work) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(work.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> w : work) {
                futures.add(pool.submit(w));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the two did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @StoreTest
    void aChangeFromAnOldVersionIsRefusedAndADeclineNeedsAReason() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));
        requests.changeStatus(r.id(), r.version(), JoinStatus.CONTACTED, "", "sam");

        assertThatThrownBy(() -> requests.changeStatus(r.id(), r.version(), JoinStatus.JOINED, "", "edith"))
                .isInstanceOfSatisfying(JoinRequestChanged.class,
                        e -> assertThat(e.now().status()).isEqualTo(JoinStatus.CONTACTED));
        assertThatThrownBy(() -> requests.changeStatus(r.id(), r.version() + 1, JoinStatus.DECLINED, "  ", "sam"))
                .isInstanceOfSatisfying(JoinProblem.class, e -> assertThat(e.problems()).containsOnlyKeys("reason"));
        JoinRequest declined = requests.changeStatus(r.id(), r.version() + 1, JoinStatus.DECLINED, "Full this term.",
                "sam");
        assertThat(declined.declineReason()).isEqualTo("Full this term.");
    }

    @StoreTest
    void leavingErasesTheMembersDetailsAndKeepsWhatCountsNeed() {
        JoinRequest r = ask(throughKeyWorker("Sam", "Jo Baker", "jo.baker@example.org"));
        JoinRequest joined = requests.changeStatus(r.id(), r.version(), JoinStatus.JOINED, "", "sam");

        JoinRequest left = requests.leave(r.id(), joined.version(), "sam");

        assertThat(left.status()).isEqualTo(JoinStatus.LEFT);
        assertThat(left.erased()).isTrue();
        assertThat(left.ask().firstName()).isEmpty();
        assertThat(left.ask().adultName()).isEmpty();
        assertThat(left.ask().adultContact()).isEmpty();
        assertThat(left.ask().consentName()).isEmpty();
        assertThat(left.ask().age()).isEqualTo(10);
        assertThat(left.groupId()).isEqualTo(forum.id());
        assertThat(db.count("SELECT COUNT(*) FROM group_join_request WHERE first_name <> '' OR adult_name <> ''"
                + " OR adult_contact <> '' OR consent_name <> ''")).isZero();
        assertThat(actions(r.id())).contains("join-request.leave");
        assertThatThrownBy(() -> requests.changeStatus(r.id(), left.version(), JoinStatus.JOINED, "", "sam"))
                .isInstanceOf(JoinProblem.class);
    }

    @StoreTest
    void everyStaffReadAndChangeIsInTheAuditLog() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));

        requests.forGroup(forum.id(), "sam");
        requests.read(r.id(), "edith");
        requests.export(forum.id(), "ada");
        requests.changeStatus(r.id(), r.version(), JoinStatus.CONTACTED, "", "sam");

        assertThat(audit.forRecord(JoinRequestStore.RECORD_TYPE, Long.toString(r.id())))
                .extracting(e -> e.actor() + " " + e.action())
                .containsExactlyInAnyOrder("anonymous join-request.ask", "sam join-request.read",
                        "edith join-request.read", "ada join-request.export", "sam join-request.status");
        assertThat(audit.forRecord(JoinRequestStore.RECORD_TYPE, Long.toString(r.id())))
                .extracting(AuditEntry::detail).noneMatch(d -> d.contains("amira"));
    }

    @StoreTest
    void waitingRequestsAreCountedAndOverdueOnesOnceTheirTargetHasPassed() {
        ask(byEmail("Amira", "amira@example.org"));
        JoinRequest answered = ask(byEmail("Kai", "kai@example.org"));
        requests.changeStatus(answered.id(), answered.version(), JoinStatus.CONTACTED, "", "sam");

        assertThat(requests.waiting(MONDAY_AFTER)).containsExactly(Map.entry(forum.id(), new JoinRequests.Waiting(1, 0)));
        assertThat(requests.waiting(MONDAY_AFTER.plusDays(1)))
                .containsExactly(Map.entry(forum.id(), new JoinRequests.Waiting(1, 1)));
        assertThat(requests.overdue(MONDAY_AFTER.plusDays(1))).extracting(r -> r.ask().firstName())
                .containsExactly("Amira");
    }

    @StoreTest
    void aDeclinedRequestIsErasedOnceItsRetentionEnds() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));
        ask(byEmail("Kai", "kai@example.org"));
        requests.changeStatus(r.id(), r.version(), JoinStatus.DECLINED, "Full this term.", "sam");
        Duration kept = Duration.ofDays(90);

        db.clock().advance(kept.minusDays(1));
        assertThat(requests.eraseDeclined(db.clock().instant().minus(kept))).isZero();
        db.clock().advance(Duration.ofDays(1));
        assertThat(requests.eraseDeclined(db.clock().instant().minus(kept))).isEqualTo(1);

        JoinRequest erased = requests.read(r.id(), "sam").orElseThrow();
        assertThat(erased.erased()).isTrue();
        assertThat(erased.status()).isEqualTo(JoinStatus.DECLINED);
        assertThat(erased.ask().email()).isEmpty();
        assertThat(erased.declineReason()).isEmpty();
        assertThat(requests.forGroup(forum.id(), "sam")).filteredOn(x -> !x.erased()).extracting(x -> x.ask().firstName())
                .containsExactly("Kai");
    }
}
