package dev.participation.events.internal.staff;

import dev.participation.events.api.ManageLink;
import dev.participation.events.internal.store.BookingPageStore;

/**
 * The address in the mail sent to someone staff booked: the booking's own page, where the public
 * widget shows the booking and offers to cancel it, as the widget last learned it from its host
 * ({@link BookingPageStore}). Before the widget has ever been shown there is no such address yet,
 * and the link goes to the site's events page.
 */
final class PublicBookingLink implements ManageLink {

    private final BookingPageStore pages;
    private final String eventsPage;

    PublicBookingLink(String publicAddress, BookingPageStore pages) {
        String address = publicAddress == null || publicAddress.isBlank() ? "http://localhost:8080"
                : publicAddress.strip();
        this.eventsPage = address.replaceAll("/+$", "") + "/events";
        this.pages = pages;
    }

    @Override
    public String to(String cancelToken) {
        return pages.link(eventsPage).to(cancelToken);
    }
}
