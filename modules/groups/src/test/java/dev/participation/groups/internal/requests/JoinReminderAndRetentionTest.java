package dev.participation.groups.internal.requests;

import static dev.participation.groups.JoinExamples.byEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.OutboxEntry;
import dev.participation.api.retention.RetentionRule;
import dev.participation.groups.GroupExamples;
import dev.participation.groups.JoinExamples;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.groups.api.join.JoinStatus;
import dev.participation.groups.internal.join.JoinConfiguration;
import dev.participation.groups.internal.join.JoinRequestStore;
import dev.participation.groups.internal.store.GroupSchema;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/** The daily reminder to each group's manager, and how long declined requests keep their details. */
@OwnSchema(GroupSchema.NAME)
class JoinReminderAndRetentionTest {

    TestStorage db;
    AuditLogStore audit;
    OutboxStore outbox;
    GroupStore groups;
    JoinRequestStore requests;
    JoinConfiguration settings = JoinExamples.settings(Map.of("managerAddress", "{0}@council.example",
            "declinedKeptDays", 30));
    Group forum;
    int submissions;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        groups = new GroupStore(db.storage(), audit, db.clock());
        requests = new JoinRequestStore(db.storage(), audit, outbox, db.clock(), settings);
        forum = groups.create("youth-forum", GroupExamples.forum("Youth Forum"), "edith");
    }

    JoinRequest ask(String slug, String name) {
        return requests.ask(slug, "submission-000000-" + (++submissions), byEmail(name, name + "@example.org"),
                ZoneOffset.UTC, Locale.UK);
    }

    JoinReminderJob job(JoinConfiguration config) {
        return new JoinReminderJob(requests, groups, outbox, audit, db.clock(), config);
    }

    List<OutboxEntry> remindersTo(String address) {
        return outbox.recent(50).stream().filter(e -> e.to().equals(address)).toList();
    }

    @StoreTest
    void theManagerHearsEachMorningOfTheRequestsPastTheirTarget() {
        ask("youth-forum", "amira");
        JoinRequest answered = ask("youth-forum", "kai");
        requests.changeStatus(answered.id(), answered.version(), JoinStatus.CONTACTED, "", "sam");
        JoinReminderJob job = job(settings);
        assertThat(job.schedule()).isEqualTo(JobSchedule.dailyAt(LocalTime.of(8, 0)));

        // Monday 9 March, the last day of the target: nothing is overdue yet.
        db.clock().advance(Duration.ofDays(7));
        job.run();
        assertThat(remindersTo("participation.worker@council.example")).isEmpty();

        db.clock().advance(Duration.ofDays(1));
        job.run();

        List<OutboxEntry> sent = remindersTo("participation.worker@council.example");
        assertThat(sent).hasSize(1);
        MailMessage mail = outbox.read(sent.get(0).id(), "test").orElseThrow();
        assertThat(mail.subject()).isEqualTo("Youth Forum: 1 join request is overdue");
        assertThat(mail.body()).contains("asked on 2 March 2026, to be answered by 9 March 2026")
                .doesNotContain("amira").doesNotContain("kai");
    }

    @StoreTest
    void aManagerWithNoMailAddressIsNotedInTheAuditLog() {
        ask("youth-forum", "amira");
        db.clock().advance(Duration.ofDays(8));

        job(JoinExamples.settings()).run();

        assertThat(outbox.recent(50)).extracting(OutboxEntry::to).containsExactly("amira@example.org");
        assertThat(audit.forRecord("group", Long.toString(forum.id()))).extracting(AuditEntry::action)
                .contains("join-request.reminder.unaddressed");
    }

    @StoreTest
    void aManagerWhoseAccountIsAMailAddressIsWrittenToThere() {
        GroupDetails d = GroupExamples.forum("Care Leavers Forum");
        groups.create("care-leavers", new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(),
                d.meetings(), d.place(), d.accessibility(), d.membership(), d.feedsInto(), "lee.manager@council.example",
                d.imageUrl(), d.imageAlt(), d.lastReviewed()), "edith");
        ask("care-leavers", "amira");
        db.clock().advance(Duration.ofDays(8));

        job(JoinExamples.settings()).run();

        assertThat(remindersTo("lee.manager@council.example")).hasSize(1);
    }

    @StoreTest
    void declinedRequestsAreAnonymisedOnceTheirPeriodEnds() {
        JoinRequest declined = ask("youth-forum", "amira");
        requests.changeStatus(declined.id(), declined.version(), JoinStatus.DECLINED, "Full this term.", "sam");
        JoinRequest waiting = ask("youth-forum", "kai");
        RetentionRule rule = new JoinRequestRetention(requests, settings);

        assertThat(rule.recordType()).isEqualTo("join-request");
        assertThat(rule.keptFor()).isEqualTo(Duration.ofDays(30));
        assertThat(rule.treatment()).isEqualTo(RetentionRule.Treatment.ANONYMISE);
        db.clock().advance(Duration.ofDays(29));
        assertThat(rule.apply(db.clock().instant().minus(rule.keptFor()))).isZero();
        db.clock().advance(Duration.ofDays(1));
        assertThat(rule.apply(db.clock().instant().minus(rule.keptFor()))).isEqualTo(1);

        assertThat(requests.read(declined.id(), "t").orElseThrow().ask().firstName()).isEmpty();
        assertThat(requests.read(waiting.id(), "t").orElseThrow().ask().firstName()).isEqualTo("kai");
        assertThat(rule.apply(db.clock().instant())).as("nothing left to anonymise").isZero();
    }
}
