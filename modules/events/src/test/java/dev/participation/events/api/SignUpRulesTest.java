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
                new Attendee("Kit", 13, "", "No nuts", null, new Residential("Mo Kay", "01632 960001", "", true)));
        assertThat(SignUpRules.check(thirteen, RESIDENTIAL)).containsOnlyKeys("attendees[0].consent.givenBy");
        assertThat(SignUpRules.check(thirteen, FORUM)).as("no food at the forum: dietary needs are not kept;"
                + " not residential: no emergency contact kept either")
                .containsOnlyKeys("attendees[0].dietaryNeeds", "attendees[0].residential");
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

    @Test
    void aResidentialNeedsAnEmergencyContactForEachYoungPersonAndChecksIt() {
        Consent parent = new Consent("Mo Kay", ConsentRole.PARENT);
        SignUpForm none = SignUpForm.self(formKey(), Contact.email("kit@example.org"),
                new Attendee("Kit", 12, "", "", parent, null));
        assertThat(SignUpRules.check(none, RESIDENTIAL)).containsExactlyEntriesOf(Map.of(
                "attendees[0].residential.emergencyName", Message.of("events.error.emergencyNeeded")));

        SignUpForm broken = SignUpForm.self(formKey(), Contact.email("kit@example.org"), new Attendee("Kit", 12, "",
                "", parent, new Residential(" ", "call me", "x".repeat(SignUpRules.NEEDS_MAX + 1), true)));
        assertThat(SignUpRules.check(broken, RESIDENTIAL)).containsOnlyKeys("attendees[0].residential.emergencyName",
                "attendees[0].residential.emergencyPhone", "attendees[0].residential.medicalNotes");

        SignUpForm noPhone = SignUpForm.self(formKey(), Contact.email("kit@example.org"),
                new Attendee("Kit", 12, "", "", parent, new Residential("Mo Kay", "", "", false)));
        assertThat(SignUpRules.check(noPhone, RESIDENTIAL)).containsExactlyEntriesOf(Map.of(
                "attendees[0].residential.emergencyPhone", Message.of("events.error.emergencyPhone")));

        SignUpForm hidden = SignUpForm.self(formKey(), Contact.email("kit@example.org"), new Attendee("Kit", 12, "",
                "", parent, new Residential("Mo\u202EKay", "01632 960001", "Asthma\nInhaler\u0000", false)));
        assertThat(SignUpRules.check(hidden, RESIDENTIAL)).containsOnlyKeys("attendees[0].residential.emergencyName",
                "attendees[0].residential.medicalNotes");

        SignUpForm fine = SignUpForm.self(formKey(), Contact.email("kit@example.org"), new Attendee("Kit", 12, "",
                "", parent, new Residential("Mo Kay", "+44 1632 960001", "Asthma:\n- inhaler", false)));
        assertThat(SignUpRules.check(fine, RESIDENTIAL)).isEmpty();
    }
}
