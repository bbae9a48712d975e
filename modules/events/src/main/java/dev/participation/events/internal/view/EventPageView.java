package dev.participation.events.internal.view;

import java.util.List;

/** The view model of {@code view/event.ftlh}: what the public may see of one event, session by session. */
public record EventPageView(String stylesheet, int level, String backHref, String title, String type,
        String description, String ages, List<String> tags, String access, boolean food, String consent,
        List<SessionRow> sessions) {

    /**
     * One session, with how its places stand and, while it takes sign-ups, where to sign up.
     *
     * @param signUpHref the sign-up form's address, or empty while sign-up is not open
     */
    public record SessionRow(long id, String label, String when, String where, String placesKey, String placesText,
            String signUpHref, String signUpText) {
    }
}
