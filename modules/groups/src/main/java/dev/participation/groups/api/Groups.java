package dev.participation.groups.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The directory of participation groups. {@link #search} and {@link #find(String)} are for the
 * public and return {@link PublicGroup}s only; the rest is for editors and staff, and every change
 * is written to the audit log with the actor.
 */
@ProviderType
public interface Groups {

    /** A page of the groups matching a visitor's search, with facet counts. */
    DirectoryPage search(GroupQuery query);

    /** The group at this address, as the public sees it. */
    Optional<PublicGroup> find(String slug);

    /** Every group, in the directory's order, for editors and staff. */
    List<Group> all();

    Optional<Group> group(long id);

    /**
     * Adds a group to the directory.
     *
     * @throws GroupProblem if the slug is malformed or taken, the details break {@link GroupRules#check},
     *                      or they feed into a group that does not exist
     */
    Group create(String slug, GroupDetails details, String actor);

    /**
     * Replaces a group's details, if the group is still at {@code version} (the one the editor
     * started from). Of two saves from the same version, only one lands.
     *
     * @throws GroupChanged if someone saved the group since {@code version}; nothing is saved
     * @throws GroupProblem if the details break {@link GroupRules#check}, or feed into a group that does
     *                      not exist, or into the group itself
     * @throws java.util.NoSuchElementException if there is no such group
     */
    Group update(long id, int version, GroupDetails details, String actor);
}
