package dev.participation.events.internal.staff;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import dev.participation.api.account.Accounts;
import dev.participation.api.audit.AuditLog;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.events.api.CheckIns;
import dev.participation.events.api.Events;
import dev.participation.events.api.SignUps;
import dev.participation.events.internal.store.BookingPageStore;
import dev.participation.events.internal.store.SessionMessageStore;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code /intranet/events/}: participation staff run events on the day - who is booked and waiting,
 * checking people in, the list as CSV, booking and cancelling on someone's behalf, placing from
 * the waiting list and messaging everyone booked. Staff (and administrators) only: editors, who
 * write the events, never see who is coming. Paths are on {@link StaffScreens}.
 */
@Designate(ocd = StaffConfiguration.class)
@Component(service = {StaffPage.class, EventsStaffPage.class}, configurationPid = StaffConfiguration.PID)
public final class EventsStaffPage extends RoutedStaffPage {

    public static final String KEY = "events";
    static final String TEMPLATES = "/dev/participation/events/templates/staff";
    static final String[] BUNDLES = {"dev/participation/events/staff/Language",
        "dev/participation/events/shared/Language"};

    @Activate
    public EventsStaffPage(@Reference Events events, @Reference SignUps signUps, @Reference CheckIns checkIns,
            @Reference SessionMessageStore messages, @Reference AuditLog audit, @Reference Clock clock,
            @Reference BookingPageStore bookingPages,
            // Optional: a Liferay portal has no local accounts; people are then named by their ids.
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Accounts accounts, StaffConfiguration config) {
        this(new StaffScreens(events, signUps, checkIns, messages, audit, new PublicBookingLink(config.publicAddress(), bookingPages)),
                clock, StaffSupport.namesFrom(accounts));
    }

    EventsStaffPage(StaffScreens screens, Clock clock, Function<String, Optional<Person>> accounts) {
        super(KEY, "events.staff.title", Roles.STAFF,
                new StaffSupport(EventsStaffPage.class, TEMPLATES, BUNDLES, clock, screens::route, accounts));
    }

    /** Checks a person in, or takes a check-in back. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + StaffScreens.CHECK_IN})
    public static final class CheckIn extends RoutedAction {
        @Activate
        public CheckIn(@Reference EventsStaffPage page) {
            super(page, StaffScreens.CHECK_IN);
        }
    }

    /** Books someone on their behalf. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + StaffScreens.ADD})
    public static final class Add extends RoutedAction {
        @Activate
        public Add(@Reference EventsStaffPage page) {
            super(page, StaffScreens.ADD);
        }
    }

    /** Cancels a booking on someone's behalf. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + StaffScreens.CANCEL})
    public static final class Cancel extends RoutedAction {
        @Activate
        public Cancel(@Reference EventsStaffPage page) {
            super(page, StaffScreens.CANCEL);
        }
    }

    /** Gives places to a booking on the waiting list by hand. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + StaffScreens.PLACE})
    public static final class Place extends RoutedAction {
        @Activate
        public Place(@Reference EventsStaffPage page) {
            super(page, StaffScreens.PLACE);
        }
    }

    /** Emails everyone booked on a session. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + StaffScreens.MESSAGE})
    public static final class Message extends RoutedAction {
        @Activate
        public Message(@Reference EventsStaffPage page) {
            super(page, StaffScreens.MESSAGE);
        }
    }
}
