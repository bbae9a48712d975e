package dev.participation.events.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.participation.api.protection.Verdict;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sign-ups for sessions. Every change to a session's places happens in one transaction that first
 * takes the session's row lock, so however many people sign up, cancel or are added by staff at
 * once, on however many portal nodes, no session ever has more people holding places than its
 * capacity.
 *
 * <p><b>Bookings for several people</b> are all or nothing, and so is the waiting list: a booking
 * gets places for everyone in it or joins the waiting list as one entry with one number. When
 * places come free, the list is walked in number order and each entry whose whole party fits the
 * places free is promoted; an entry too big for the places free keeps its number and is passed
 * over, so places never stay empty behind a large party. A new booking gets places only if its
 * party fits and nobody already waiting would fit in them.
 */
@ProviderType
public interface SignUps {

    /**
     * Signs someone (or a party) up from the public form: a place or a waiting-list number. Where an
     * email address is given, the confirmation (with the link {@code manage} makes and a calendar
     * file) is queued in the outbox in the same transaction.
     *
     * @throws EventProblem if the form breaks {@link SignUpRules}, or the event does not take
     *                      sign-ups now (under {@code ""})
     * @throws java.util.NoSuchElementException if there is no such session
     */
    SignUpReceipt signUp(long sessionId, SignUpForm form, ManageLink manage);

    /**
     * {@link #signUp(long, SignUpForm, ManageLink)} with the public form's rate limits taken in the
     * booking's own transaction: {@code admission} is asked there (a sign-up sent again, already
     * made, is not asked), so in a rush each sign-up commits once rather than once for its count
     * and once for its booking.
     *
     * @param admission the guard's screening of the post ({@code PublicFormGuard.screen(...)::admit})
     * @throws SignUpRefused when the guard refuses the post: nothing was booked
     * @since 1.2
     */
    SignUpReceipt signUp(long sessionId, SignUpForm form, ManageLink manage, Supplier<Verdict> admission);

    /**
     * Staff adding someone on their behalf: the same capacity and waiting list, any time before the
     * start, and the same confirmation.
     */
    SignUpReceipt addFor(long sessionId, SignUpForm form, ManageLink manage, String actor);

    /** The booking behind a cancel link, or empty for an unknown token (no personal data is logged). */
    Optional<Booking> byToken(String cancelToken);

    /**
     * The session's online link for the holder of a booking's link, only while the booking has
     * places (not while it is offered places or waiting), and, where the event holds it back, only
     * from {@link EventDetails#onlineLinkMinutesBefore} before the start: with
     * {@link #onlineJoining}, the one way the link leaves the service.
     */
    Optional<String> onlineLink(String cancelToken);

    /**
     * How the holder of a booking's link joins its session online: empty unless the booking has
     * places and the session has a link; the link itself only once it is shown, and until then
     * when it will be.
     *
     * @since 1.1
     */
    Optional<OnlineJoining> onlineJoining(String cancelToken);

    /**
     * Cancels the booking behind a cancel link; its places go to the waiting list in the same transaction.
     *
     * @return whether it was cancelled now (false for an unknown token or one already cancelled)
     */
    boolean cancel(String cancelToken);

    /** Staff cancelling a booking on someone's behalf; false if it was already cancelled. */
    boolean cancelFor(long bookingId, String actor);

    /**
     * Staff giving places to a booking on the waiting list by hand, for example once automatic
     * promotion has stopped before the start. It obeys the capacity like every other path, and
     * races safely with automatic promotion: a booking is promoted once, by whichever comes first.
     *
     * @return whether the booking now has places (false if it was no longer waiting)
     * @throws EventProblem if its party does not fit in the places free ({@code events.error.noRoom})
     */
    boolean placeFromWaitingList(long bookingId, String actor);

    /**
     * Takes up places offered, before the offer ends.
     *
     * @return whether the booking now has places
     */
    boolean acceptOffer(String cancelToken);

    /**
     * Ends every offer past its time and offers or gives the places to the next on the lists. Each
     * sign-up and cancellation does this for its own session too; a scheduled job calls this for
     * sessions nobody touches.
     *
     * @return how many offers lapsed
     */
    int lapseOffers();

    /** Every booking for a session, places first, then the waiting list in order; the read is audit-logged. */
    List<Booking> bookings(long sessionId, String actor);
}
