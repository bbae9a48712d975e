package dev.participation.events.internal.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.participation.events.api.ManageLink;

/**
 * The address of the public events page that answers a booking's secret, for the mail sent to
 * someone staff booked: the public widget shows the booking there and offers to cancel it.
 */
final class PublicBookingLink implements ManageLink {

    private final String base;

    PublicBookingLink(String publicAddress) {
        String address = publicAddress == null || publicAddress.isBlank() ? "http://localhost:8080"
                : publicAddress.strip();
        this.base = address.replaceAll("/+$", "") + "/events?booking=";
    }

    @Override
    public String to(String cancelToken) {
        return base + URLEncoder.encode(cancelToken, StandardCharsets.UTF_8);
    }
}
