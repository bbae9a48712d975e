package dev.participation.groups.internal.join;

import static dev.participation.testing.Rendered.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.GroupExamples;
import dev.participation.groups.JoinExamples;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.internal.store.GroupSchema;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

/**
 * The ask-to-join form as the directory widget shows and posts it, on the real store (H2 and
 * PostgreSQL), with the public form guard standing aside unless a test makes it refuse.
 */
@OwnSchema(GroupSchema.NAME)
class AskToJoinFormTest {

    static final String NS = "p_";

    TestStorage db;
    OutboxStore outbox;
    PublicFormGuard guard;
    AskToJoinForm form;
    PublicGroup group;
    int submissions;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        GroupStore groups = new GroupStore(db.storage(), audit, db.clock());
        group = groups.create("care-council", GroupExamples.forum("Children in Care Council"), "edith").publicView();
        guard = mock(PublicFormGuard.class);
        when(guard.fields(AskToJoinForm.FORM_KEY)).thenReturn(new GuardFields("website", "drawn", "token-1"));
        when(guard.check(eq(AskToJoinForm.FORM_KEY), any())).thenReturn(Verdict.pass());
        form = new AskToJoinForm(new JoinRequestStore(db.storage(), audit, outbox, db.clock(), JoinExamples.settings()),
                guard, JoinExamples.settings());
    }

    /** What a 15-year-old with their own email types. */
    Map<String, String> amira() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("firstName", "Amira");
        typed.put("age", "15");
        typed.put("reach", "email");
        typed.put("email", "amira@example.org");
        typed.put("help", "Somewhere quiet to sit, please.");
        typed.put("agree", "true");
        typed.put("submission", "form-drawn-00000000-" + (++submissions));
        return typed;
    }

    FakeWidgetRequest request(Map<String, String> typed) {
        FakeWidgetRequest request = FakeWidgetRequest.on("groups").namespaced(NS).with("join", "care-council");
        typed.forEach(request::with);
        return request;
    }

    PostOutcome post(Map<String, String> typed) {
        return form.post(request(typed), group);
    }


    Document page(FakeWidgetRequest request) {
        return Jsoup.parseBodyFragment(form.render(request, group).html());
    }

    long requests() {
        return db.count("SELECT COUNT(*) FROM group_join_request");
    }

    @StoreTest
    void theFormAsksOnlyWhatItNeedsAndSaysWhyForEachField() {
        Document page = page(FakeWidgetRequest.on("groups").namespaced(NS).with("join", "care-council"));

        assertThat(page.select("input:not([type=hidden]), textarea").eachAttr("name")).containsOnly(
                NS + "firstName", NS + "age", NS + "reach", NS + "email", NS + "phone", NS + "adultName",
                NS + "adultRole", NS + "adultContact", NS + "help", NS + "consentName", NS + "consentRole",
                NS + "agree", NS + "website");
        for (String field : List.of("firstName", "age", "reach", "email", "phone", "adultName", "adultContact", "help",
                "consentName", "agree")) {
            assertThat(page.select("#" + NS + field + "-hint").text()).as(field).isNotBlank();
        }
        assertThat(page.select("input[name=" + NS + "join]").val()).isEqualTo("care-council");
        assertThat(page.select("input[name=" + NS + "submission]").val()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(page.select("form").attr("method")).isEqualTo("post");
        assertThat(page.select("input[name=_csrf]")).hasSize(1);
        assertThat(page.select("input[name=" + NS + "drawn]").val()).isEqualTo("token-1");
        assertThat(page.select("h2").first().text()).isEqualTo("Ask to join Children in Care Council");
    }

    @StoreTest
    void aRequestWithOwnEmailIsSentAndTheConfirmationSaysWhatHappensByWhen() {
        Map<String, String> typed = amira();

        PostOutcome outcome = post(typed);

        assertThat(outcome).isEqualTo(PostOutcome.done("/groups?join=care-council&sent=" + typed.get("submission")));
        assertThat(requests()).isEqualTo(1);
        assertThat(outbox.recent(5)).hasSize(1);
        Document sent = page(FakeWidgetRequest.on("groups").with("join", "care-council")
                .with("sent", typed.get("submission")));
        assertThat(sent.select(".govuk-panel__title").text()).isEqualTo("Request sent");
        assertThat(sent.text()).contains("will get in touch by 9 March 2026")
                .contains("We have sent a confirmation email.").doesNotContain("amira@example.org");
    }

    @StoreTest
    void aRequestWithOnlyANamedKeyWorkersContactSucceeds() {
        Map<String, String> typed = amira();
        typed.remove("email");
        typed.put("age", "10");
        typed.put("firstName", "Sam");
        typed.put("reach", "adult");
        typed.put("adultName", "Jo Baker");
        typed.put("adultRole", "key-worker");
        typed.put("adultContact", "07700 900982");
        typed.put("consentName", "Jo Baker");
        typed.put("consentRole", "delegated-authority");

        assertThat(post(typed)).isInstanceOf(PostOutcome.Done.class);

        assertThat(requests()).isEqualTo(1);
        assertThat(outbox.recent(5)).as("a phone number gets no email").isEmpty();
        Document sent = page(FakeWidgetRequest.on("groups").with("sent", typed.get("submission")));
        assertThat(sent.text()).contains("We will contact the adult you named");
    }

    @StoreTest
    void aTenYearOldsRequestCannotBeSentWithoutAnAdultsAgreement() {
        Map<String, String> typed = amira();
        typed.put("age", "10");

        Document again = invalid(post(typed));

        assertThat(again.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#" + NS + "consentName", "#" + NS + "consentRole");
        assertThat(again.select("#" + NS + "consentName-error").text())
                .contains("You are under 13, so enter the name of the adult who agreed to you joining");
        assertThat(requests()).isZero();
        assertThat(outbox.recent(5)).isEmpty();

        typed.put("consentName", "Maria Lopez");
        typed.put("consentRole", "parental-responsibility");
        assertThat(post(typed)).isInstanceOf(PostOutcome.Done.class);
        assertThat(requests()).isEqualTo(1);
    }

    @StoreTest
    void everyFieldGivenBadInputSaysSoBesideItAndInTheSummaryAndKeepsTheRest() {
        record Bad(String field, String value, String message) {
        }
        List<Bad> cases = List.of(new Bad("firstName", "", "Enter your first name"),
                new Bad("firstName", "x".repeat(41), "Enter no more than 40 characters"),
                new Bad("firstName", "<script>alert(1)</script>", "Remove the < and > signs"),
                new Bad("age", "", "Enter your age"),
                new Bad("age", "twelve", "Enter your age as a number"),
                new Bad("age", "-1", "Enter an age from 4 to 99"),
                new Bad("age", "200", "Enter an age from 4 to 99"),
                new Bad("age", "99999999999", "Enter your age as a number"),
                new Bad("reach", "", "Choose how we should get back to you"),
                new Bad("reach", "pigeon", "Choose how we should get back to you"),
                new Bad("email", "", "Enter your email address"),
                new Bad("email", "amira.example.org", "Enter an email address in the right format"),
                new Bad("email", "a@" + "b".repeat(260) + ".org", "Enter no more than 254 characters"),
                new Bad("help", "y".repeat(501), "Enter no more than 500 characters"),
                new Bad("help", "<img src=x onerror=alert(1)>", "Remove the < and > signs"),
                new Bad("agree", "", "Tick the box to say you agree"));
        for (Bad bad : cases) {
            Map<String, String> typed = amira();
            typed.put(bad.field(), bad.value());

            Document again = invalid(post(typed));

            assertThat(again.select(".govuk-error-summary a").eachText()).as(bad.toString()).hasSize(1)
                    .allMatch(text -> text.startsWith(bad.message()));
            assertThat(again.select(".govuk-error-summary a").attr("href")).isEqualTo("#" + NS + bad.field());
            assertThat(again.select("#" + NS + bad.field() + "-error").text()).as(bad.toString())
                    .contains(bad.message());
            for (String field : List.of("firstName", "age", "email")) {
                assertThat(again.select("input[name=" + NS + field + "]").val()).as(bad + " keeps " + field)
                        .isEqualTo(typed.get(field));
            }
            assertThat(again.select("textarea[name=" + NS + "help]").text()).as(bad + " keeps help")
                    .isEqualTo(typed.get("help"));
            assertThat(again.select("input[name=" + NS + "reach][checked]").val()).isEqualTo(
                    typed.get("reach").equals("email") ? "email" : "");
            assertThat(again.select("input[name=" + NS + "agree]").hasAttr("checked"))
                    .isEqualTo("true".equals(typed.get("agree")));
            assertThat(again.select("input[name=" + NS + "submission]").val()).isEqualTo(typed.get("submission"));
        }
        assertThat(requests()).isZero();
    }

    @StoreTest
    void aPhoneOrTrustedAdultNeedsItsOwnDetails() {
        Map<String, String> typed = amira();
        typed.put("reach", "adult");

        Document again = invalid(post(typed));

        assertThat(again.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#" + NS + "adultName",
                "#" + NS + "adultRole", "#" + NS + "adultContact");
        typed.put("reach", "phone");
        typed.put("phone", "call me");
        assertThat(invalid(post(typed)).select("#" + NS + "phone-error").text()).contains("Enter a phone number");
    }

    @StoreTest
    void aPostTheGuardRefusesKeepsWhatWasTyped() {
        when(guard.check(eq(AskToJoinForm.FORM_KEY), any()))
                .thenReturn(Verdict.refused(Message.of("protection.refused.tooQuick")));
        Map<String, String> typed = amira();

        Document again = invalid(post(typed));

        assertThat(again.select(".govuk-error-summary").text()).contains("That was very quick!");
        assertThat(again.select("input[name=" + NS + "firstName]").val()).isEqualTo("Amira");
        assertThat(again.select("textarea[name=" + NS + "help]").text()).isEqualTo("Somewhere quiet to sit, please.");
        assertThat(requests()).isZero();
    }

    @StoreTest
    void theSameFormSentTwiceMakesOneRequest() {
        Map<String, String> typed = amira();

        PostOutcome first = post(typed);
        PostOutcome second = post(typed);

        assertThat(second).isEqualTo(first);
        assertThat(requests()).isEqualTo(1);
        assertThat(outbox.recent(5)).hasSize(1);
    }

    @StoreTest
    void aConfirmationAddressThatNamesNoRequestShowsTheForm() {
        WidgetView view = form.render(FakeWidgetRequest.on("groups").with("sent", "made-up-submission-0001"), group);

        assertThat(Jsoup.parseBodyFragment(view.html()).select("form")).hasSize(1);
        assertThat(form.viewParameters()).containsExactly("sent");
    }
}
