package dev.participation.events.api;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.formKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.api.widget.Message;

import org.junit.jupiter.api.Test;

class SignUpRulesTest {

    static final EventDetails FORUM = forum("Forum");
    static final EventDetails RESIDENTIAL = new EventDetails("Activity Week", "", EventType.RESIDENTIAL, 8, 14, Set.of(),
            "", true, FORUM.signUpOpens(), FORUM.signUpCloses(), EventStatus.PUBLISHED, 18, Promotion.AUTOMATIC);

    @Test
    void someoneOldEnoughSigningUpThemselvesNeedsNoPermission() {
        SignUpForm form = SignUpForm.self(formKey(), Contact.email("amara@example.org"), Attendee.of("Amara", 15));
        assertThat(SignUpRules.check(form, FORUM)).isEmpty();
    }

    @Test
    void underTheConsentAgeSomeoneMustHaveAgreed() {
        SignUpForm noConsent = SignUpForm.self(formKey(), new Contact("Sam Smith", "", "01632 960001"),
                Attendee.of("Jo", 12));
        assertThat(SignUpRules.check(noConsent, FORUM))
                .containsExactlyEntriesOf(Map.of("attendees[0].consent.givenBy",
                        Message.of("events.error.consentNeeded", 13)));
        SignUpForm withConsent = SignUpForm.self(formKey(), new Contact("Sam Smith", "", "01632 960001"),
                Attendee.of("Jo", 12).withConsent(new Consent("Sam Smith", ConsentRole.PARENT)));
        assertThat(SignUpRules.check(withConsent, FORUM)).isEmpty();
        SignUpForm blankConsent = SignUpForm.self(formKey(), withConsent.contact(),
                Attendee.of("Jo", 12).withConsent(new Consent(" ", ConsentRole.PARENT)));
        assertThat(SignUpRules.check(blankConsent, FORUM)).containsOnlyKeys("attendees[0].consent.givenBy");
    }

    @Test
    void aResidentialRaisesTheAgeAndTakesDietaryNeeds() {
        SignUpForm thirteen = SignUpForm.self(formKey(), Contact.email("kit@example.org"),
                new Attendee("Kit", 13, "", "No nuts", null));
        assertThat(SignUpRules.check(thirteen, RESIDENTIAL)).containsOnlyKeys("attendees[0].consent.givenBy");
        assertThat(SignUpRules.check(thirteen, FORUM)).as("no food at the forum: dietary needs are not kept")
                .containsOnlyKeys("attendees[0].dietaryNeeds");
        SignUpForm tooOld = SignUpForm.self(formKey(), Contact.email("kit@example.org"), Attendee.of("Kit", 15));
        assertThat(SignUpRules.check(tooOld, RESIDENTIAL)).containsEntry("attendees[0].age",
                Message.of("events.error.ageNotForEvent", 8, 14));
    }

    @Test
    void aContactIsNeededAndChecked() {
        assertThat(SignUpRules.check(SignUpForm.self(formKey(), new Contact("", "", ""), Attendee.of("A", 15)), FORUM))
                .containsOnlyKeys("contact.email");
        assertThat(SignUpRules.check(SignUpForm.self(formKey(), new Contact("", "a@b", "12"), Attendee.of("A", 15)),
                FORUM)).containsOnlyKeys("contact.email", "contact.phone");
    }

    @Test
    void aSchoolNamesItselfAndAPartyHasALimit() {
        List<Attendee> many = new ArrayList<>();
        for (int i = 0; i <= SignUpRules.PARTY_MAX; i++) {
            many.add(Attendee.of("Child" + i, 15));
        }
        SignUpForm school = new SignUpForm(formKey(), new Booker(BookerRole.SCHOOL, "Ms Okafor", ""),
                Contact.email("office@school.example.org"), many);
        assertThat(SignUpRules.check(school, FORUM)).containsOnlyKeys("booker.organisation", "attendees");
        SignUpForm selfForTwo = new SignUpForm(formKey(), Booker.SELF, Contact.email("a@example.org"),
                List.of(Attendee.of("A", 15), Attendee.of("B", 15)));
        assertThat(SignUpRules.check(selfForTwo, FORUM)).containsOnlyKeys("attendees");
    }

    @Test
    void aFormWithoutItsKeyIsRefused() {
        SignUpForm forged = SignUpForm.self("x", Contact.email("a@example.org"), Attendee.of("A", 15));
        assertThat(SignUpRules.check(forged, FORUM)).containsOnlyKeys("");
    }
}
