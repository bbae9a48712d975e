package dev.participation.api.protection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A post the guard has looked at without the database ({@link PublicFormGuard#screen}): its verdict
 * so far, and its rate limits still to take.
 *
 * @since 1.1
 */
@ProviderType
public interface Screening {

    /** Refused by a rule that needs no database (then {@link #admit()} refuses too), or passed so far. */
    Verdict verdict();

    /**
     * Takes the post from the form's rate limits, from all of them or none, and says whether it may
     * go ahead. Inside a transaction on the portal's database the count is written in it, so it
     * commits (or is rolled back) with the post's own record; outside one, in a transaction of its
     * own. A post refused by {@link #verdict()} takes nothing.
     */
    Verdict admit();
}
