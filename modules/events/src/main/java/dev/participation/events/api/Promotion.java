package dev.participation.events.api;

import java.util.Objects;

/**
 * How an event fills places that come free from its waiting list.
 *
 * @param mode             a place given at once, or an offer held for {@code offerHours}
 * @param offerHours       how long an offer holds its place (used with {@link PromotionMode#OFFER})
 * @param stopsHoursBefore how many hours before a session starts promotion stops, so nobody is
 *                         told at the last minute that they have a place; staff can still add people
 */
public record Promotion(PromotionMode mode, int offerHours, int stopsHoursBefore) {

    /** Places given at once, until a day before the start. */
    public static final Promotion AUTOMATIC = new Promotion(PromotionMode.AUTOMATIC, 0, 24);

    public Promotion {
        Objects.requireNonNull(mode, "mode");
    }

    public static Promotion offers(int offerHours, int stopsHoursBefore) {
        return new Promotion(PromotionMode.OFFER, offerHours, stopsHoursBefore);
    }
}
