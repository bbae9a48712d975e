package dev.participation.groups.internal.view;

import java.util.List;

/**
 * The view model of {@code group.ftlh}: everything the public may see of one group, and where to
 * go back to (the search it was found in).
 *
 * @param feedsInto  the board or group its views go to, or empty
 * @param feedsIntoHref the page of that group in the directory, or empty for a board
 * @param joinHref   the "Ask to join" link, or empty when the group takes no members or the form is not installed
 */
public record GroupPageView(String stylesheet, int level, String backHref, String name, String summary,
        String description, String ages, List<String> situations, String when, boolean termTimeOnly, String where,
        String attendance, String accessibility, String membership, String membershipKey, String feedsInto,
        String feedsIntoHref, int seats, String imageUrl, String imageAlt, String lastReviewed, String joinHref) {
}
