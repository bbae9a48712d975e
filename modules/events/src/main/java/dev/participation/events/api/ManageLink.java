package dev.participation.events.api;

/**
 * Makes the address, for an email, of the page where the holder of a booking's secret sees it and
 * can cancel it or take up places offered. The host decides the page's shape, so the widget that
 * takes the sign-up supplies this; the service calls it inside the sign-up's transaction, because
 * the secret exists only there (only its hash is kept).
 */
@FunctionalInterface
public interface ManageLink {

    /** An absolute address carrying {@code cancelToken}. */
    String to(String cancelToken);
}
