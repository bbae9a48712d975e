package dev.participation.events.internal.signup;

import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.session;
import static dev.participation.events.internal.widget.PublicPages.NS;
import static dev.participation.testing.Rendered.invalid;
import static dev.participation.testing.Rendered.redrawn;
import static dev.participation.events.internal.widget.PublicPages.location;
import static dev.participation.events.internal.widget.PublicPages.parameter;
import static dev.participation.events.internal.widget.PublicPages.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.protection.Screening;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.widget.PublicPages;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

/** The sign-up form, its confirmation, a party added to without JavaScript, permission and a residential's extras. */
@OwnSchema(EventSchema.NAME)
class SignUpJourneyTest {

    PublicPages pages;
    Event forum;
    long sessionId;

    @BeforeEach
    void open(TestStorage db) {
        pages = new PublicPages(db);
        forum = pages.forum("Youth Forum", 2);
        sessionId = forum.sessions().get(0).id();
    }

    FakeWidgetRequest form(Event event) {
        return visit().with("event", event.slug()).with("session", Long.toString(event.sessions().get(0).id()));
    }

    /** What a 15-year-old with their own email types, as the form sends it. */
    Map<String, String> amira(Document drawn) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("formKey", drawn.select("input[name=" + NS + "formKey]").val());
        typed.put("people", "1");
        typed.put("booker", "self");
        typed.put("p0-firstName", "Amira");
        typed.put("p0-age", "15");
        typed.put("p0-accessNeeds", "A quiet room, please.");
        typed.put("email", "amira@example.org");
        typed.put("do", "send");
        return typed;
    }

    FakeWidgetRequest posted(Event event, Map<String, String> typed) {
        FakeWidgetRequest request = form(event);
        typed.forEach(request::with);
        return request;
    }

    long bookings() {
        return pages.db.count("SELECT COUNT(*) FROM event_booking");
    }

    @StoreTest
    void theFormAsksTheLeastAndSaysWhyForEachField() {
        Document page = pages.page(form(forum));

        assertThat(page.select("input:not([type=hidden]), textarea").eachAttr("name")).containsOnly(NS + "booker",
                NS + "bookerName", NS + "organisation", NS + "p0-firstName", NS + "p0-age", NS + "p0-accessNeeds",
                NS + "p0-consentBy", NS + "p0-consentRole", NS + "email", NS + "phone", NS + "contactAdult",
                NS + "website");
        for (String field : List.of("booker", "bookerName", "organisation", "p0-firstName", "p0-age", "p0-accessNeeds",
                "p0-consentBy", "email", "phone", "contactAdult")) {
            assertThat(page.select("[id=" + NS + field + "-hint]").text()).as(field).isNotBlank();
            if (!field.equals("booker")) {
                assertThat(page.select("[id=" + NS + field + "]").attr("aria-describedby")).as(field)
                        .contains(NS + field + "-hint");
                assertThat(page.select("label[for=" + NS + field + "]")).as(field).hasSize(1);
            }
        }
        assertThat(page.select("[id=" + NS + "p0-firstName]").attr("autocomplete")).isEqualTo("given-name");
        assertThat(page.select("[id=" + NS + "email]").attr("autocomplete")).isEqualTo("email");
        assertThat(page.select("[id=" + NS + "phone]").attr("autocomplete")).isEqualTo("tel");
        assertThat(page.select("fieldset > legend").eachText()).contains("Young person 1", "How can we reach you?",
                "Permission, if they are under 13");
        assertThat(page.select("input[name=" + NS + "formKey]").val()).matches("[A-Za-z0-9_-]{16,64}");
        assertThat(page.select("input[name=_csrf]")).hasSize(1);
        assertThat(page.select("input[name=" + NS + "drawn]").val()).isEqualTo("token-1");
        assertThat(page.select("form").attr("method")).isEqualTo("post");
        assertThat(page.select("button[value=add]").text()).isEqualTo("Add another young person");
        assertThat(page.select("form button").first().attr("value")).as("Enter in a text box sends the form")
                .isEqualTo("send");
        assertThat(page.text()).doesNotContain("Dietary").doesNotContain("emergency");
    }

    @StoreTest
    void aSignUpGetsAPlaceAndTheConfirmationSaysWhatHappensNextWithoutAnySecretInItsAddress() {
        Map<String, String> typed = amira(pages.page(form(forum)));

        String done = location(pages.post(posted(forum, typed)));

        assertThat(done).isEqualTo("/events?event=" + forum.slug() + "&session=" + sessionId + "&signedUp="
                + typed.get("formKey"));
        Booking booking = pages.signUps.bookings(sessionId, "staff").get(0);
        assertThat(booking.attendees()).extracting(Attendee::firstName).containsExactly("Amira");
        assertThat(booking.attendees().get(0).accessNeeds()).isEqualTo("A quiet room, please.");
        assertThat(booking.attendees().get(0).consent()).isNull();
        Document confirmation = pages.page(visit().with("event", forum.slug()).with("session", Long.toString(sessionId))
                .with("signedUp", typed.get("formKey")));
        assertThat(confirmation.select(".govuk-panel__title").text()).isEqualTo("You have a place");
        assertThat(confirmation.text()).contains("Youth Forum", "We have sent you an email to confirm",
                "Civic Centre, Committee Room 1").doesNotContain("amira@example.org").doesNotContain("Amira");

        assertThat(location(pages.post(posted(forum, typed)))).as("the same form again: the same page").isEqualTo(done);
        assertThat(bookings()).as("and still one sign-up").isEqualTo(1);

        pages.db.clock().advance(Duration.ofDays(31));
        FakeWidgetRequest later = visit().with("event", forum.slug()).with("session", Long.toString(sessionId));
        assertThat(pages.page(later.with("signedUp", typed.get("formKey"))).select(".govuk-panel__title").text())
                .as("the confirmation stays after sign-up closes").isEqualTo("You have a place");
        Document unknown = pages.page(visit().with("event", forum.slug()).with("session", Long.toString(sessionId))
                .with("signedUp", "no-such-form-key-000"));
        assertThat(unknown.select("form")).as("no form once closed, whatever the key").isEmpty();
        assertThat(unknown.select(".pw-events__places").text()).isEqualTo("Sign-up has closed");
    }

    @StoreTest
    void theManageLinkInTheEmailIsAnAbsoluteAddressOfTheBookingsPage() {
        assertThat(pages.journey.manageLink(visit()).to("s3cret_token")).isEqualTo(
                "https://www.example.gov.uk/events?booking=s3cret_token");
    }

    @StoreTest
    void whenTheSessionIsFullTheSignUpGetsANumberedPlaceOnTheWaitingList() {
        pages.signUps.signUp(sessionId, dev.participation.events.EventExamples.person("Ben"),
                dev.participation.events.EventExamples.LINK);
        pages.signUps.signUp(sessionId, dev.participation.events.EventExamples.person("Cai"),
                dev.participation.events.EventExamples.LINK);
        Document full = pages.page(form(forum));
        assertThat(full.select("h2").text()).isEqualTo("Join the waiting list for Youth Forum");
        assertThat(full.select("[id=" + NS + "send]").text()).isEqualTo("Join the waiting list");
        Map<String, String> typed = amira(full);
        typed.remove("email");
        typed.put("phone", "01632 960001");

        String done = location(pages.post(posted(forum, typed)));

        Document confirmation = pages.page(visit().with("event", forum.slug()).with("session", Long.toString(sessionId))
                .with("signedUp", parameter(done, "signedUp")));
        assertThat(confirmation.select(".govuk-panel__title").text()).isEqualTo("You are number 1 on the waiting list");
        assertThat(confirmation.text()).contains("organisers will call or text you");
    }

    @StoreTest
    void anEmptyFormGetsAMessageBesideEachFieldAndASummaryInPageOrder() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("formKey", pages.page(form(forum)).select("input[name=" + NS + "formKey]").val());
        typed.put("do", "send");

        Document page = invalid(pages.post(posted(forum, typed)));

        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#" + NS + "booker",
                "#" + NS + "p0-firstName", "#" + NS + "p0-age", "#" + NS + "email");
        assertThat(page.select("[id=" + NS + "booker-error]").text()).contains("Choose who is signing up");
        assertThat(page.select("[id=" + NS + "p0-firstName-error]").text()).contains("Enter this");
        assertThat(page.select("[id=" + NS + "p0-age-error]").text()).contains("Enter their age");
        assertThat(page.select("[id=" + NS + "email-error]").text()).contains("Enter an email address or a phone number");
        assertThat(page.select("[id=" + NS + "p0-consentBy-error]")).as("no guess about permission without an age")
                .isEmpty();
        assertThat(page.select("[id=" + NS + "p0-age]").attr("aria-describedby")).contains(NS + "p0-age-error");
        assertThat(bookings()).isZero();
    }

    @StoreTest
    void everyFieldsBadValueIsExplainedBesideItAndNothingTypedIsLost() {
        Map<String, String> typed = amira(pages.page(form(forum)));
        typed.put("booker", "school");
        typed.put("bookerName", "Ms\u0000Okafor");
        typed.put("organisation", "");
        typed.put("p0-firstName", "x".repeat(61));
        typed.put("p0-age", "fifteen");
        typed.put("p0-accessNeeds", "y".repeat(1001));
        typed.put("p0-consentBy", "Sam Smith");
        typed.put("p0-consentRole", "uncle");
        typed.put("email", "not-an-address");
        typed.put("phone", "12");
        typed.put("contactAdult", "Sam\nSmith");

        Document page = invalid(pages.post(posted(forum, typed)));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("bookerName", "Remove the hidden or control characters");
        expected.put("organisation", "Enter this");
        expected.put("p0-firstName", "Enter 60 characters or fewer");
        expected.put("p0-age", "Enter the age as a whole number");
        expected.put("p0-accessNeeds", "Enter 1,000 characters or fewer");
        expected.put("p0-consentRole", "Choose whether a parent, a carer or a worker gave permission");
        expected.put("contactAdult", "Remove the hidden or control characters");
        expected.put("email", "Enter an email address like name@example.com");
        expected.put("phone", "Enter a phone number");
        expected.forEach((field, text) -> assertThat(page.select("[id=" + NS + field + "-error]").text()).as(field)
                .contains(text));
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#" + NS + "bookerName",
                "#" + NS + "organisation", "#" + NS + "p0-firstName", "#" + NS + "p0-age", "#" + NS + "p0-accessNeeds",
                "#" + NS + "p0-consentRole", "#" + NS + "contactAdult", "#" + NS + "email", "#" + NS + "phone");
        assertThat(page.select("input[name=" + NS + "p0-age]").val()).isEqualTo("fifteen");
        assertThat(page.select("textarea[name=" + NS + "p0-accessNeeds]").text()).hasSize(1001);
        assertThat(page.select("input[name=" + NS + "email]").val()).isEqualTo("not-an-address");
        assertThat(page.select("input[name=" + NS + "booker][checked]").val()).isEqualTo("school");
        assertThat(page.select("input[name=" + NS + "formKey]").val()).isEqualTo(typed.get("formKey"));
        assertThat(bookings()).isZero();
    }

    @StoreTest
    void aWellFormedSignUpTheEventsRulesRefuseIsExplainedBesideTheFieldAndBooksNobody() {
        Map<String, String> typed = amira(pages.page(form(forum)));
        typed.put("p0-age", "40");

        Document page = invalid(pages.post(posted(forum, typed)));

        assertThat(page.select("[id=" + NS + "p0-age-error]").text()).contains("This event is for ages");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#" + NS + "p0-age");
        assertThat(page.select("input[name=" + NS + "p0-age]").val()).isEqualTo("40");
        assertThat(bookings()).isZero();
    }

    @StoreTest
    void someoneUnderTheConsentAgeNeedsWhoGavePermissionAndAsWhat() {
        Map<String, String> typed = amira(pages.page(form(forum)));
        typed.put("p0-age", "12");

        Document page = invalid(pages.post(posted(forum, typed)));
        assertThat(page.select("[id=" + NS + "p0-consentBy-error]").text()).contains("Anyone under 13 needs permission");

        typed.put("p0-consentBy", "Sam Smith");
        typed.put("p0-consentRole", "parent");
        location(pages.post(posted(forum, typed)));
        Attendee kept = pages.signUps.bookings(sessionId, "staff").get(0).attendees().get(0);
        assertThat(kept.consent().givenBy()).isEqualTo("Sam Smith");
        assertThat(kept.consent().role()).isEqualTo(ConsentRole.PARENT);
    }

    @StoreTest
    void aCarerAddsAnotherYoungPersonWithoutJavaScriptKeepingEverythingTyped() {
        Event big = pages.forum("Big Forum", 10);
        Map<String, String> typed = amira(pages.page(form(big)));
        typed.put("booker", "carer");
        typed.put("bookerName", "Jo Lee");
        typed.put("p0-firstName", "Noor");
        typed.put("p0-age", "12");
        typed.put("p0-consentBy", "Jo Lee");
        typed.put("p0-consentRole", "carer");
        typed.put("email", "jo.lee@example.org");
        typed.put("do", "add");

        PostOutcome added = pages.post(posted(big, typed));

        Document two = redrawn(added);
        assertThat(two.select(".govuk-error-summary")).as("adding someone is not an error").isEmpty();
        assertThat(two.select("fieldset > legend").eachText()).contains("Young person 1", "Young person 2");
        assertThat(two.select("input[name=" + NS + "people]").val()).isEqualTo("2");
        assertThat(two.select("input[name=" + NS + "p0-firstName]").val()).isEqualTo("Noor");
        assertThat(two.select("input[name=" + NS + "p0-consentRole][checked]").val()).isEqualTo("carer");
        assertThat(two.select("input[name=" + NS + "p1-firstName]").val()).isEmpty();
        assertThat(two.select("input[name=" + NS + "bookerName]").val()).isEqualTo("Jo Lee");
        assertThat(two.select("button[value=remove-1]")).hasSize(1);
        assertThat(bookings()).isZero();

        typed.put("people", "3");
        typed.put("p1-firstName", "Sam");
        typed.put("p1-age", "14");
        typed.put("p2-firstName", "Gone");
        typed.put("do", "remove-2");
        Document back = redrawn(pages.post(posted(big, typed)));
        assertThat(back.select("input[name=" + NS + "people]").val()).isEqualTo("2");
        assertThat(back.select("input[name=" + NS + "p1-firstName]").val()).isEqualTo("Sam");
        assertThat(back.text()).doesNotContain("Young person 3");

        typed.put("people", "2");
        typed.remove("p2-firstName");
        typed.put("do", "send");
        typed.put("p1-consentBy", "Jo Lee");
        typed.put("p1-consentRole", "carer");
        location(pages.post(posted(big, typed)));
        Booking party = pages.signUps.bookings(big.sessions().get(0).id(), "staff").get(0);
        assertThat(party.booker().role()).isEqualTo(BookerRole.CARER);
        assertThat(party.attendees()).extracting(Attendee::firstName).containsExactly("Noor", "Sam");
        assertThat(party.state()).isEqualTo(BookingState.PLACE);
    }

    @StoreTest
    void removingTheFirstYoungPersonMovesTheOthersUp() {
        Map<String, String> typed = amira(pages.page(form(forum)));
        typed.put("people", "2");
        typed.put("p1-firstName", "Ben");
        typed.put("p1-age", "16");
        typed.put("do", "remove-0");

        Document page = redrawn(pages.post(posted(forum, typed)));

        assertThat(page.select("input[name=" + NS + "p0-firstName]").val()).isEqualTo("Ben");
        assertThat(page.select("input[name=" + NS + "p0-age]").val()).isEqualTo("16");
        assertThat(page.select("input[name=" + NS + "p1-firstName]")).isEmpty();
    }

    @StoreTest
    void aResidentialAsksForAnEmergencyContactMedicalNotesPhotosAndDietaryNeeds() {
        EventDetails f = forum("Summer activity week");
        Event week = pages.event(new EventDetails(f.title(), f.description(), EventType.RESIDENTIAL, 8, 14, f.tags(),
                f.access(), true, f.signUpOpens(), f.signUpCloses(), f.status(), 18, f.promotion()),
                new SessionDetails("Riverside Centre", SESSION_START, SESSION_START.plus(Duration.ofDays(4)), 18,
                        "Riverside Outdoor Centre", ""));
        Document page = pages.page(form(week));
        for (String field : List.of("p0-dietaryNeeds", "p0-emergencyName", "p0-emergencyPhone", "p0-medicalNotes",
                "p0-photos")) {
            assertThat(page.select("[id=" + NS + field + "-hint]").text()).as(field).isNotBlank();
        }
        assertThat(page.select("legend").eachText()).contains("While they are away from home",
                "Permission, if they are under 18");
        Map<String, String> typed = amira(page);
        typed.put("booker", "self");
        typed.put("p0-age", "13");
        typed.put("p0-consentBy", "Sam Smith");
        typed.put("p0-consentRole", "parent");

        Document missing = invalid(pages.post(posted(week, typed)));
        assertThat(missing.select(".govuk-error-summary a").eachAttr("href")).containsExactly(
                "#" + NS + "p0-emergencyName", "#" + NS + "p0-emergencyPhone", "#" + NS + "p0-photos");

        typed.put("p0-emergencyName", "Sam Smith");
        typed.put("p0-emergencyPhone", "07700 900123");
        typed.put("p0-medicalNotes", "Asthma: inhaler twice a day");
        typed.put("p0-dietaryNeeds", "No nuts");
        typed.put("p0-photos", "no");
        location(pages.post(posted(week, typed)));
        Attendee kept = pages.signUps.bookings(week.sessions().get(0).id(), "staff").get(0).attendees().get(0);
        assertThat(kept.residential()).isEqualTo(new Residential("Sam Smith", "07700 900123",
                "Asthma: inhaler twice a day", false));
        assertThat(kept.dietaryNeeds()).isEqualTo("No nuts");
    }

    @StoreTest
    void aPostTheGuardRefusesKeepsWhatWasTypedAndSignsNobodyUp() {
        when(pages.guard.check(eq(SignUpJourney.GUARD_KEY), any()))
                .thenReturn(Verdict.refused(Message.of("protection.refused.tooFast")));
        Map<String, String> typed = amira(pages.page(form(forum)));

        Document page = invalid(pages.post(posted(forum, typed)));

        assertThat(page.select(".govuk-error-summary").text()).isNotBlank();
        assertThat(page.select("input[name=" + NS + "p0-firstName]").val()).isEqualTo("Amira");
        assertThat(bookings()).isZero();
    }

    @StoreTest
    void aPostRefusedByARuleNeedingNoDatabaseIsDrawnAgainAndTakesNoCount() {
        Screening refused = mock(Screening.class);
        when(refused.verdict()).thenReturn(Verdict.refused(Message.of("protection.refused.tooQuick")));
        when(pages.guard.screen(eq(SignUpJourney.GUARD_KEY), any())).thenReturn(refused);
        Map<String, String> typed = amira(pages.page(form(forum)));

        Document page = invalid(pages.post(posted(forum, typed)));

        assertThat(page.select(".govuk-error-summary").text()).isNotBlank();
        assertThat(page.select("input[name=" + NS + "p0-firstName]").val()).isEqualTo("Amira");
        verify(refused, never()).admit();
        assertThat(bookings()).isZero();
    }

    @StoreTest
    void theSameFormSentAgainWhenTheGuardWouldNowRefuseItStillGetsItsConfirmation() {
        Map<String, String> typed = amira(pages.page(form(forum)));
        String done = location(pages.post(posted(forum, typed)));
        Screening refused = mock(Screening.class);
        when(refused.verdict()).thenReturn(Verdict.refused(Message.of("protection.refused.busyHere", 14L)));
        when(pages.guard.screen(eq(SignUpJourney.GUARD_KEY), any())).thenReturn(refused);

        assertThat(location(pages.post(posted(forum, typed)))).as("a reload after the limit was reached")
                .isEqualTo(done);
        verify(refused, never()).admit();
        assertThat(bookings()).isEqualTo(1);
    }

    @StoreTest
    void aFormSentBackWithProblemsStillCountsAndOverTheLimitSaysSo() {
        when(pages.guard.check(eq(SignUpJourney.GUARD_KEY), any()))
                .thenReturn(Verdict.refused(Message.of("protection.refused.busyHere", 14L)));
        Map<String, String> typed = amira(pages.page(form(forum)));
        typed.put("email", "not-an-address");

        Document page = invalid(pages.post(posted(forum, typed)));

        verify(pages.guard).check(eq(SignUpJourney.GUARD_KEY), any());
        assertThat(page.text()).contains("14 minutes");
        assertThat(page.select("input[name=" + NS + "email]").val()).isEqualTo("not-an-address");
        assertThat(bookings()).isZero();
    }

    @StoreTest
    void aFormWithABrokenKeyGetsAFreshOneAndStillSignsUpOnce() {
        Map<String, String> typed = amira(pages.page(form(forum)));
        typed.put("formKey", "short");

        String done = location(pages.post(posted(forum, typed)));

        assertThat(parameter(done, "signedUp")).matches("[A-Za-z0-9_-]{16,64}");
        assertThat(bookings()).isEqualTo(1);
    }

    @StoreTest
    void aSignUpForAnotherEventsSessionOrAClosedOneIsNotTaken() {
        Event other = pages.forum("Other Forum", 5);
        Map<String, String> typed = amira(pages.page(form(forum)));
        FakeWidgetRequest mixed = visit().with("event", forum.slug())
                .with("session", Long.toString(other.sessions().get(0).id()));
        typed.forEach(mixed::with);

        assertThat(pages.post(mixed)).isInstanceOf(PostOutcome.Invalid.class);
        assertThat(((PostOutcome.Invalid) pages.post(mixed)).view().status()).isEqualTo(404);
        pages.db.clock().advance(Duration.ofDays(31));
        assertThat(location(pages.post(posted(forum, typed)))).as("sign-up closed meanwhile: the event's page")
                .isEqualTo("/events?event=" + forum.slug());
        assertThat(bookings()).isZero();
        assertThat(Jsoup.parseBodyFragment(pages.view(form(forum)).html()).select("form")).isEmpty();
    }
}
