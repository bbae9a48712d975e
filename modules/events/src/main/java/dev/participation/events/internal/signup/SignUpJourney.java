package dev.participation.events.internal.signup;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Screening;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventType;
import dev.participation.events.api.ManageLink;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpRefused;
import dev.participation.events.api.SignUpRules;
import dev.participation.events.api.SignUps;
import dev.participation.events.internal.view.EventText;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.protection.GuardedForm;
import dev.participation.kit.protection.ProtectedForm;
import dev.participation.kit.staff.Form;
import dev.participation.kit.template.Templates;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The sign-up form of one session and the confirmation it leads to, drawn and posted inside the
 * events widget. One page with every field, so it works without JavaScript: "Add another young
 * person" is a submit button that draws the form again with one more, keeping what was typed. The
 * widget keeps the routing (which event and session); this keeps what is asked and what happens
 * once someone has signed up.
 */
@Component(service = SignUpJourney.class, configurationPid = SignUpConfiguration.PID)
@Designate(ocd = SignUpConfiguration.class)
public final class SignUpJourney {

    /** Request parameter of the confirmation page: the key of the form that made the sign-up. */
    public static final String SIGNED_UP = "signedUp";
    /** The guard counts this form's posts under this key on every node. */
    static final String GUARD_KEY = "events.sign-up";

    static final LanguageBundles WORDS = new LanguageBundles(SignUpJourney.class,
            "dev/participation/events/signup/Language", "dev/participation/events/widget/Language",
            "dev/participation/events/shared/Language");
    private static final String TEMPLATES = "/dev/participation/events/templates/signup";

    private final SignUps signUps;
    private final SignUpRecords records;
    private final ProtectedForm protection;
    private final URI publicAddress;
    private final Templates templates = Templates.of(SignUpJourney.class, TEMPLATES);

    @Activate
    public SignUpJourney(@Reference SignUps signUps, @Reference SignUpRecords records, @Reference PublicFormGuard guard,
            SignUpConfiguration config) {
        this.signUps = signUps;
        this.records = records;
        this.protection = new ProtectedForm(guard, GUARD_KEY);
        this.publicAddress = URI.create(config.publicAddress().strip());
    }

    public Set<String> viewParameters() {
        return Set.of(SIGNED_UP);
    }

    static Messages messages(WidgetRequest request) {
        return Messages.of(request.locale(), WORDS.forLocale(request.locale()));
    }

    /**
     * With {@link #SIGNED_UP}, how the sign-up made with that form turned out; shown whenever it is
     * asked for, even once sign-up has closed.
     */
    public Optional<WidgetView> confirmation(WidgetRequest request, PublicEvent event, PublicSession session) {
        return request.parameter(SIGNED_UP).flatMap(key -> records.outcome(session.id(), key))
                .map(done -> confirmation(request, event, session, done));
    }

    /** The form for a session; the widget calls it only while the session takes sign-ups. */
    public WidgetView form(WidgetRequest request, PublicEvent event, PublicSession session) {
        PartyForm form = PartyForm.blank();
        return view(request, event, session, form.form(), form.people(), protection.fields(request));
    }

    /** A post of the form: add or remove a young person, or send it. The widget has checked CSRF and the session. */
    public PostOutcome post(WidgetRequest request, PublicEvent event, PublicSession session) {
        PartyForm form = PartyForm.read(request, PartyForm.peopleIn(request));
        Optional<PartyForm> redrawn = form.redrawnFor(request.parameter(PartyForm.DO).orElse(PartyForm.SEND));
        if (redrawn.isPresent()) {
            return PostOutcome.redrawn(view(request, event, session, redrawn.get().form(), redrawn.get().people(),
                    protection.fields(request)));
        }
        form.keepOwnKey();
        // The guard's rate limits are taken with the booking, in its transaction (or below, for a
        // form sent back): in a rush each sign-up then commits once.
        Screening screening = protection.screen(request);
        Optional<GuardedForm> refused = protection.refusal(screening.verdict(), request, messages(request));
        if (refused.isPresent()) {
            return sentBefore(event, session, form, request).orElseGet(() -> refused(request, event, session, form,
                    refused.get()));
        }
        SignUpForm typed = form.signUp(event.type());
        // Every problem at once, the rules' too, not only what could not be read; checked here against
        // the event on the page, so bad input never queues behind a rush for the session's lock (the
        // store checks again under the lock, against the event as it then is).
        form.refuse(SignUpRules.check(typed, details(event)));
        if (!form.form().valid()) {
            Optional<PostOutcome> before = sentBefore(event, session, form, request);
            if (before.isPresent()) {
                return before.get();
            }
            // A form sent back still counts against the limits, as every post does.
            Optional<GuardedForm> overLimit = protection.refusal(screening.admit(), request, messages(request));
            if (overLimit.isPresent()) {
                return refused(request, event, session, form, overLimit.get());
            }
            return invalid(request, event, session, form);
        }
        try {
            // A repeat of a form already sent (a retry after a lost answer) finds the first sign-up: same page.
            signUps.signUp(session.id(), typed, manageLink(request), screening::admit);
            return confirmed(request, event, session, typed.formKey());
        } catch (SignUpRefused overLimit) {
            return refused(request, event, session, form,
                    protection.refusal(overLimit.verdict(), request, messages(request)).orElseThrow());
        } catch (EventProblem problem) {
            form.refuse(problem.errors());
            return invalid(request, event, session, form);
        } catch (NoSuchElementException gone) {
            // The session was removed while the form was open: back to the list.
            return PostOutcome.done(request.links().page());
        }
    }

    /**
     * The same form sent again (a double click, a reload) has already made its sign-up: its
     * confirmation again, whatever the guard or the rules say now. Asked only when a post is
     * refused, because a repeat that would go through is found by the store itself, under the
     * session's lock, before anything is counted or written; a rush's sign-ups then read nothing
     * twice.
     */
    private Optional<PostOutcome> sentBefore(PublicEvent event, PublicSession session, PartyForm form,
            WidgetRequest request) {
        return records.outcome(session.id(), form.formKey())
                .map(earlier -> confirmed(request, event, session, form.formKey()));
    }

    /** The form as it was sent, with the guard's refusal above it and fresh guard fields. */
    private PostOutcome refused(WidgetRequest request, PublicEvent event, PublicSession session, PartyForm form,
            GuardedForm refusal) {
        return PostOutcome.invalid(view(request, event, session, form.form(), form.people(), refusal));
    }

    private PostOutcome invalid(WidgetRequest request, PublicEvent event, PublicSession session, PartyForm form) {
        return PostOutcome.invalid(view(request, event, session, form.inPageOrder(), form.people(),
                protection.fields(request)));
    }

    private static PostOutcome confirmed(WidgetRequest request, PublicEvent event, PublicSession session,
            String formKey) {
        return PostOutcome.done(request.links().view(Map.of(Routes.EVENT, event.slug(), Routes.SESSION,
                Long.toString(session.id()), SIGNED_UP, formKey)));
    }

    /**
     * The address in the confirmation email: the booking's page on this site, made absolute with the
     * configured public address (a host's own links may be relative).
     */
    public ManageLink manageLink(WidgetRequest request) {
        return token -> {
            String link = request.links().view(Map.of(Routes.BOOKING, token));
            try {
                return publicAddress.resolve(link).toString();
            } catch (IllegalArgumentException notAnAddress) {
                // A host's link that java.net.URI will not parse still works pasted after the site's address.
                return link.startsWith("http") ? link : publicAddress.toString().replaceAll("/+$", "") + link;
            }
        };
    }

    /** The editable details the rules need, as far as the public view of an event carries them. */
    static EventDetails details(PublicEvent e) {
        // The rules do not read how places are given from the waiting list; any promotion will do.
        return new EventDetails(e.title(), e.description(), e.type(), e.youngest(), e.oldest(), e.tags(), e.access(),
                e.food(), e.signUpOpens(), e.signUpCloses(), e.status(), e.consentAge(), Promotion.AUTOMATIC);
    }

    private WidgetView view(WidgetRequest request, PublicEvent event, PublicSession session, Form form, int people,
            GuardedForm guarded) {
        Messages words = messages(request);
        Map<String, Object> shared = ProtectedForm.shared(request, form, words, guarded);
        boolean asksConsent = event.youngest() == null || event.youngest() < event.consentAge();
        List<Option> bookers = new ArrayList<>();
        for (BookerRole r : BookerRole.values()) {
            bookers.add(new Option(r.key(), words.get("signup.booker." + r.key())));
        }
        List<Option> consentRoles = new ArrayList<>();
        for (ConsentRole r : ConsentRole.values()) {
            consentRoles.add(new Option(r.key(), words.get("events.consent-role." + r.key())));
        }
        List<Option> photos = List.of(new Option("yes", words.get("signup.photos.yes")),
                new Option("no", words.get("signup.photos.no")));
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            indexes.add(i);
        }
        // An event's only session often has no label: the form is then simply for the event.
        String sessionName = session.label().isBlank() ? event.title() : session.label();
        SignUpPage model = new SignUpPage(event.slug(), session.id(), event.title(), sessionName,
                EventText.when(session, request.timeZone(), words), EventText.where(session, words),
                session.placesLeft() > 0, event.food(), event.type() == EventType.RESIDENTIAL, asksConsent,
                event.consentAge(), indexes, people < SignUpRules.PARTY_MAX, bookers, consentRoles, photos,
                request.links().view(Map.of(Routes.EVENT, event.slug())));
        String title = words.get("signup.title", event.title());
        return WidgetView.titled(title, templates.render("form.ftlh", model, shared, words));
    }

    private WidgetView confirmation(WidgetRequest request, PublicEvent event, PublicSession session,
            SignUpRecords.Outcome outcome) {
        Messages words = messages(request);
        String headline = switch (outcome.state()) {
            case PLACE -> words.get("signup.done.place", outcome.people());
            case OFFERED -> words.get("signup.done.offered", outcome.people());
            case WAITING -> words.get("signup.done.waiting", outcome.waitingNumber());
            default -> words.get("signup.done.other", words.get("events.state." + outcome.state().key()));
        };
        String next = words.get(outcome.state() == BookingState.WAITING ? "signup.done.next.waiting"
                : "signup.done.next.place");
        String mail = words.get(outcome.emailed() ? "signup.done.emailed" : "signup.done.notEmailed");
        Confirmation model = new Confirmation(event.title(), EventText.when(session, request.timeZone(), words),
                EventText.where(session, words), outcome.state().key(), headline, next, mail,
                request.links().view(Map.of(Routes.EVENT, event.slug())), request.links().page());
        return WidgetView.titled(headline, templates.render("confirmation.ftlh", model, Map.of(), words));
    }

    /** A radio button: what is sent, and its words. */
    public record Option(String value, String label) {
    }

    /** The view model of {@code signup/form.ftlh}; the answers as typed come beside it as {@code form}. */
    public record SignUpPage(String slug, long sessionId, String eventTitle, String sessionName, String when,
            String where, boolean placesLeft, boolean food, boolean residential, boolean asksConsent, int consentAge,
            List<Integer> people, boolean mayAdd, List<Option> bookers, List<Option> consentRoles, List<Option> photos,
            String back) {
    }

    /** The view model of {@code signup/confirmation.ftlh}: nothing personal, so it can be shown again. */
    public record Confirmation(String eventTitle, String when, String where, String stateKey, String headline,
            String next, String mail, String eventHref, String listHref) {
    }
}
