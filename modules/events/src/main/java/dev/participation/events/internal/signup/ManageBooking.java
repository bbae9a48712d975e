package dev.participation.events.internal.signup;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.OnlineJoining;
import dev.participation.events.api.SignUps;
import dev.participation.events.internal.view.EventText;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A booking's own page, reached by the link in its confirmation email ({@code booking=<secret>}):
 * what was booked and how it stands, the online link only while it holds places (and not before the
 * event shows it: until then, when it will appear), and the two things its holder may do, cancel it
 * or take up places offered. A GET never changes anything, since mail scanners open links;
 * cancelling asks first, and only its POST cancels.
 */
@Component(service = ManageBooking.class)
public final class ManageBooking {

    /** With {@link Routes#BOOKING}: the "are you sure?" question before cancelling. */
    public static final String CANCEL = "cancel";
    static final String DO = "do";
    static final String DO_CANCEL = "cancel";
    static final String DO_ACCEPT = "accept";
    private static final String TEMPLATES = "/dev/participation/events/templates/signup";

    private final SignUps signUps;
    private final SignUpRecords records;
    private final Templates templates = Templates.of(ManageBooking.class, TEMPLATES);

    @Activate
    public ManageBooking(@Reference SignUps signUps, @Reference SignUpRecords records) {
        this.signUps = signUps;
        this.records = records;
    }

    public Set<String> viewParameters() {
        return Set.of(CANCEL);
    }

    public WidgetView render(WidgetRequest request, String token, String stylesheet) {
        Messages words = SignUpJourney.messages(request);
        Optional<Booking> found = signUps.byToken(token);
        Optional<SignUpRecords.BookedSession> session = found.flatMap(b -> records.session(b.sessionId()));
        if (found.isEmpty() || session.isEmpty()) {
            return notFound(request, stylesheet, words);
        }
        Booking booking = found.get();
        boolean cancellable = booking.state() == BookingState.PLACE || booking.state() == BookingState.OFFERED
                || booking.state() == BookingState.WAITING;
        if (cancellable && request.parameter(CANCEL).isPresent()) {
            return question(request, token, booking, session.get(), stylesheet, words);
        }
        ZoneId zone = request.timeZone();
        SignUpRecords.BookedSession s = session.get();
        String state = switch (booking.state()) {
            case PLACE -> words.get("booking.state.place", booking.people());
            case OFFERED -> booking.offerEnds() == null ? words.get("booking.state.offeredNoEnd", booking.people())
                    : words.get("booking.state.offered", booking.people(), EventText.moment(booking.offerEnds(), zone,
                            words));
            case WAITING -> words.get("booking.state.waiting", booking.waitingNumber());
            case OFFER_LAPSED -> words.get("booking.state.lapsed");
            case CANCELLED -> words.get("booking.state.cancelled");
        };
        // The one way the online link reaches a person: through this secret, while the booking holds places,
        // and where the event holds it back, only from shortly before the start; until then, when it will show.
        Optional<OnlineJoining> joining = signUps.onlineJoining(token);
        String online = joining.filter(OnlineJoining::shown).map(OnlineJoining::link).orElse("");
        String onlineLater = joining.filter(j -> !j.shown() && j.shownFrom() != null)
                .map(j -> words.get("booking.online.from", EventText.day(j.shownFrom(), zone, words),
                        EventText.time(j.shownFrom(), zone, words)))
                .orElse("");
        List<String> names = booking.attendees().stream().map(Attendee::firstName).filter(n -> !n.isBlank()).toList();
        Map<String, Object> model = base(request, token, stylesheet);
        model.put("eventTitle", s.eventTitle());
        model.put("sessionLabel", s.label());
        model.put("when", EventText.when(s.start(), s.end(), zone, words));
        model.put("where", s.place().isBlank() ? words.get("events.where.online") : s.place());
        model.put("stateKey", booking.state().key());
        model.put("state", state);
        model.put("names", names);
        model.put("online", online);
        model.put("onlineLater", onlineLater);
        model.put("eventCancelled", "cancelled".equals(s.status()));
        model.put("mayAccept", booking.state() == BookingState.OFFERED);
        model.put("mayCancel", cancellable);
        model.put("cancelHref", request.links().view(Map.of(Routes.BOOKING, token, CANCEL, "ask")));
        return WidgetView.titled(words.get("booking.title", s.eventTitle()),
                templates.render("booking.ftlh", model, words));
    }

    /** A post from the booking's page: cancel (after the question) or take up places offered. */
    public PostOutcome post(WidgetRequest request, String token, String stylesheet) {
        Optional<Booking> found = signUps.byToken(token);
        if (found.isEmpty()) {
            return PostOutcome.invalid(notFound(request, stylesheet, SignUpJourney.messages(request)));
        }
        String again = request.links().view(Map.of(Routes.BOOKING, token));
        String pressed = request.parameter(DO).orElse("");
        if (pressed.equals(DO_CANCEL)) {
            boolean cancelled = signUps.cancel(token);
            return PostOutcome.done(again, Message.of(cancelled ? "booking.notice.cancelled"
                    : "booking.notice.alreadyCancelled"));
        }
        if (pressed.equals(DO_ACCEPT)) {
            boolean accepted = signUps.acceptOffer(token);
            return PostOutcome.done(again, Message.of(accepted ? "booking.notice.accepted" : "booking.notice.tooLate"));
        }
        return PostOutcome.done(again);
    }

    private WidgetView question(WidgetRequest request, String token, Booking booking,
            SignUpRecords.BookedSession session, String stylesheet, Messages words) {
        Map<String, Object> model = base(request, token, stylesheet);
        model.put("eventTitle", session.eventTitle());
        model.put("when", EventText.when(session.start(), session.end(), request.timeZone(), words));
        model.put("people", booking.people());
        model.put("waiting", booking.state() == BookingState.WAITING);
        model.put("back", request.links().view(Map.of(Routes.BOOKING, token)));
        return WidgetView.titled(words.get("booking.cancel.title"), templates.render("cancel.ftlh", model, words));
    }

    private Map<String, Object> base(WidgetRequest request, String token, String stylesheet) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("stylesheet", stylesheet);
        model.put("ns", request.namespace());
        model.put("csrf", request.csrf());
        model.put("action", request.links().action());
        model.put("token", token);
        model.put("level", 2);
        return model;
    }

    /** An unknown or mistyped link: a kind page, with a 404 so the host says "not found". */
    private WidgetView notFound(WidgetRequest request, String stylesheet, Messages words) {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", stylesheet);
        model.put("back", request.links().page());
        return WidgetView.titled(words.get("booking.notFound.title"), templates.render("booking-not-found.ftlh",
                model, words)).withStatus(WidgetView.NOT_FOUND);
    }
}
