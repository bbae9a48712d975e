package dev.participation.events.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Screening;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.internal.store.BookingPageStore;
import dev.participation.events.internal.signup.ManageBooking;
import dev.participation.events.internal.signup.SignUpConfiguration;
import dev.participation.events.internal.signup.SignUpJourney;
import dev.participation.events.internal.signup.SignUpRecords;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The events widget on the real stores (H2 or PostgreSQL, as the test runs), with the public form
 * guard standing aside unless a test makes it refuse: what the widget's tests share.
 */
public final class PublicPages {

    public static final String NS = "ns_";
    public static final String ADDRESS = "https://www.example.gov.uk";

    public final TestStorage db;
    public final OutboxStore outbox;
    public final EventStore events;
    public final SignUpStore signUps;
    public final PublicFormGuard guard = mock(PublicFormGuard.class);
    public final SignUpJourney journey;
    public final EventsWidget widget;
    public final BookingPageStore bookingPages;
    private int slugs;

    public PublicPages(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        SignUpRecords records = new SignUpRecords(db.storage());
        when(guard.fields(anyString())).thenReturn(new GuardFields("website", "drawn", "token-1"));
        when(guard.check(anyString(), any())).thenReturn(Verdict.pass());
        // Screening passes the rules that need no database and asks check(...) on admission, so a
        // test that makes check refuse sees the refusal wherever the form takes its count.
        when(guard.screen(anyString(), any())).thenAnswer(asked -> new Screening() {
            @Override
            public Verdict verdict() {
                return Verdict.pass();
            }

            @Override
            public Verdict admit() {
                return guard.check(asked.getArgument(0), asked.getArgument(1));
            }
        });
        journey = new SignUpJourney(signUps, records, guard, address(ADDRESS));
        bookingPages = new BookingPageStore(db.storage(), db.clock());
        widget = new EventsWidget(events, journey, new ManageBooking(signUps, records), db.clock(), bookingPages);
    }

    static SignUpConfiguration address(String publicAddress) {
        return new SignUpConfiguration() {
            @Override
            public String publicAddress() {
                return publicAddress;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SignUpConfiguration.class;
            }
        };
    }

    /** A new published event with these sessions, at a fresh address. */
    public Event event(EventDetails details, SessionDetails... sessions) {
        return events.create("event-" + (++slugs), details, List.of(sessions), "editor");
    }

    public Event forum(String title, int capacity) {
        return event(EventExamples.forum(title), EventExamples.session(capacity));
    }

    public static Map<String, String> defaults() {
        Map<String, String> prefs = new LinkedHashMap<>();
        EventsWidget.TYPE_DECLARATION.preferences().forEach(p -> prefs.put(p.key(), p.defaultValue()));
        return prefs;
    }

    /** A visitor's request to the widget on {@code /events}, with its default settings. */
    public static FakeWidgetRequest visit() {
        return FakeWidgetRequest.on("events").preferences(defaults()).namespaced(NS);
    }

    public WidgetView view(FakeWidgetRequest request) {
        return widget.render(request);
    }

    public Document page(FakeWidgetRequest request) {
        return Jsoup.parseBodyFragment(widget.render(request).html());
    }

    public PostOutcome post(FakeWidgetRequest request) {
        return widget.post(request);
    }


    public static String location(PostOutcome outcome) {
        assertThat(outcome).isInstanceOf(PostOutcome.Done.class);
        return ((PostOutcome.Done) outcome).location();
    }

    /** The value of a query parameter in a location the widget made. */
    public static String parameter(String location, String name) {
        for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + location);
    }
}
