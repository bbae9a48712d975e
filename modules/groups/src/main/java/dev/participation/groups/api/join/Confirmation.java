package dev.participation.groups.api.join;

import java.time.LocalDate;

/**
 * What the person who asked sees once their request is kept: no personal details, so the page
 * may be shown again from its address.
 *
 * @param emailed whether a confirmation email was queued (not for a phone number)
 */
public record Confirmation(String groupSlug, String groupName, LocalDate respondBy, Reach reach, boolean emailed) {
}
