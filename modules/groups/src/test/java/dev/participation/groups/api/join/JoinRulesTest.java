package dev.participation.groups.api.join;

import static dev.participation.groups.JoinExamples.byEmail;
import static dev.participation.groups.JoinExamples.throughKeyWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.participation.api.widget.Message;

import org.junit.jupiter.api.Test;

class JoinRulesTest {

    static final int CONSENT_AGE = 13;

    @Test
    void aRequestWithItsOwnEmailPasses() {
        assertThat(JoinRules.check(byEmail("Amira", "amira@example.org"), CONSENT_AGE)).isEmpty();
    }

    @Test
    void aTenYearOldWithOnlyANamedKeyWorkersContactPasses() {
        assertThat(JoinRules.check(throughKeyWorker("Sam", "Jo Baker", "07700 900982"), CONSENT_AGE)).isEmpty();
    }

    @Test
    void aTenYearOldCannotAskWithoutAnAdultsAgreement() {
        JoinAsk ask = throughKeyWorker("Sam", "Jo Baker", "jo.baker@example.org");
        JoinAsk noConsent = new JoinAsk(ask.firstName(), 10, ask.reach(), "", "", ask.adultName(), ask.adultRole(),
                ask.adultContact(), "", "", null, true);

        assertThat(JoinRules.check(noConsent, CONSENT_AGE)).containsOnlyKeys("consentName", "consentRole")
                .containsEntry("consentName", Message.of("join.error.consentName.required", 13))
                .containsEntry("consentRole", Message.of("join.error.consentRole", 13));
    }

    @Test
    void fromTheConsentAgeNoAdultMustAgree() {
        JoinAsk thirteen = new JoinAsk("Kai", 13, Reach.EMAIL, "kai@example.org", "", "", null, "", "", "", null,
                true);
        assertThat(JoinRules.check(thirteen, CONSENT_AGE)).isEmpty();
        assertThat(JoinRules.check(thirteen, 14)).containsOnlyKeys("consentName", "consentRole");
    }

    @Test
    void everyFieldSaysWhatIsWrong() {
        JoinAsk bad = new JoinAsk("<b>Amira</b>", 200, Reach.ADULT, "", "", "x".repeat(81), null, "not a contact",
                "y".repeat(501), "", null, false);

        assertThat(JoinRules.check(bad, CONSENT_AGE)).containsExactly(
                java.util.Map.entry("firstName", Message.of("join.error.markup")),
                java.util.Map.entry("age", Message.of("join.error.age.range", 4, 99)),
                java.util.Map.entry("adultName", Message.of("join.error.tooLong", 80)),
                java.util.Map.entry("adultRole", Message.of("join.error.adultRole")),
                java.util.Map.entry("adultContact", Message.of("join.error.adultContact")),
                java.util.Map.entry("help", Message.of("join.error.tooLong", 500)),
                java.util.Map.entry("agree", Message.of("join.error.agree")));
    }

    @Test
    void ageMinusOneIsRefusedAndNeedsNoConsentCheck() {
        JoinAsk ask = new JoinAsk("Amira", -1, Reach.EMAIL, "amira@example.org", "", "", null, "", "", "", null, true);
        assertThat(JoinRules.check(ask, CONSENT_AGE)).containsOnlyKeys("age");
    }

    @Test
    void contactDetailsMustLookLikeWhatTheyAre() {
        assertThat(JoinRules.check(new JoinAsk("A", 15, Reach.EMAIL, "amira.example.org", "", "", null, "", "", "",
                null, true), CONSENT_AGE)).containsEntry("email", Message.of("join.error.email"));
        assertThat(JoinRules.check(new JoinAsk("A", 15, Reach.PHONE, "", "12345", "", null, "", "", "", null, true),
                CONSENT_AGE)).containsEntry("phone", Message.of("join.error.phone"));
        assertThat(JoinRules.check(new JoinAsk("A", 15, Reach.PHONE, "", "", "", null, "", "", "", null, true),
                CONSENT_AGE)).containsEntry("phone", Message.of("join.error.phone.required"));
        assertThat(JoinRules.check(new JoinAsk("A", 15, null, "", "", "", null, "", "", "", null, true),
                CONSENT_AGE)).containsEntry("reach", Message.of("join.error.reach"));
    }

    @Test
    void onlyWhatTheChosenWayAndTheAgeNeedIsKept() {
        JoinAsk typed = new JoinAsk(" Amira ", 15, Reach.PHONE, "amira@example.org", "07700 900982", "Jo",
                TrustedAdult.CARER, "jo@example.org", "", "Jo", ConsentRole.PARENTAL_RESPONSIBILITY, true);

        JoinAsk kept = typed.kept(CONSENT_AGE);

        assertThat(kept.firstName()).isEqualTo("Amira");
        assertThat(kept.phone()).isEqualTo("07700 900982");
        assertThat(kept.email()).isEmpty();
        assertThat(kept.adultName()).isEmpty();
        assertThat(kept.adultRole()).isNull();
        assertThat(kept.consentName()).isEmpty();
        assertThat(kept.consentRole()).isNull();
        assertThat(kept.mailAddress()).isEmpty();
    }
}
