package dev.participation.events.internal.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventSession;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.Events;
import dev.participation.events.internal.store.SessionAlertStore;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Times;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Emails the organisers when a session passes 80% of its places and when it is full, once per
 * threshold per session. A job that looks at every open session every few minutes, rather than a
 * check after each sign-up: it sees every path that fills places (public sign-ups, staff adds,
 * promotions, a lowered capacity) without any of them having to remember to call it, and a rush of
 * sign-ups never waits for it. A session that goes from below 80% to full between two checks gets
 * the "full" alert only; its 80% alert is recorded as passed.
 */
@Designate(ocd = AlertConfiguration.class)
@Component(service = ScheduledJob.class, configurationPid = AlertConfiguration.PID)
public final class SessionAlertJob implements ScheduledJob {

    static final String NAME = "events.places-alerts";
    static final LanguageBundles WORDS = new LanguageBundles(SessionAlertJob.class,
            "dev/participation/events/staff/Language", "dev/participation/events/shared/Language");

    private final Events events;
    private final SessionAlertStore alerts;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final List<String> organisers;
    private final int everyMinutes;

    @Activate
    public SessionAlertJob(@Reference Events events, @Reference SessionAlertStore alerts, @Reference Outbox outbox,
            @Reference AuditLog audit, @Reference Clock clock, AlertConfiguration config) {
        this.events = events;
        this.alerts = alerts;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.organisers = config.organisers() == null ? List.of() : Arrays.stream(config.organisers())
                .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        this.everyMinutes = Math.max(1, Math.min(60, config.everyMinutes()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.everyMinutes(everyMinutes);
    }

    @Override
    public void run() {
        if (organisers.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // The platform writes mail in the site's language; one bundle, the default locale's.
        Messages words = Messages.of(Locale.getDefault(), WORDS.forLocale(Locale.getDefault()));
        for (Event event : events.all()) {
            if (event.details().status() == EventStatus.CANCELLED || event.details().status() == EventStatus.DRAFT) {
                continue;
            }
            for (EventSession session : event.sessions()) {
                if (session.details().end().isAfter(now)) {
                    check(event, session, words);
                }
            }
        }
    }

    private void check(Event event, EventSession session, Messages words) {
        int capacity = session.details().capacity();
        int taken = session.placesTaken();
        Fullness fullness = Fullness.of(taken, capacity);
        if (fullness == Fullness.OPEN) {
            return;
        }
        boolean sent = alerts.claim(session.id(), fullness.percent(), taken, capacity,
                () -> send(event, session, fullness, words));
        if (sent && fullness == Fullness.FULL) {
            // Passing 80% on the way to full needs no mail of its own now.
            alerts.claim(session.id(), Fullness.NEARLY_FULL.percent(), taken, capacity, () -> { });
        }
    }

    private void send(Event event, EventSession session, Fullness fullness, Messages words) {
        String title = event.details().title().replaceAll("[\\r\\n]+", " ");
        String what = session.details().label().isBlank() ? title : title + " - " + session.details().label();
        String kind = fullness.key();
        String subject = words.get("events.alert." + kind + ".subject", what);
        String body = words.get("events.alert." + kind + ".body", what,
                Times.dateTime(session.details().start(), clock.getZone(), words), session.placesTaken(),
                session.details().capacity(), session.waiting());
        for (String organiser : organisers) {
            outbox.queue(new MailMessage(organiser, subject, body));
        }
        audit.record("system", "event.session.alert", "event-session", Long.toString(session.id()),
                "Passed " + fullness.percent() + "%: " + session.placesTaken() + " of " + session.details().capacity()
                        + " places; told " + organisers.size() + " organisers");
    }
}
