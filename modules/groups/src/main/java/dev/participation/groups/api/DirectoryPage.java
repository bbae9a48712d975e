package dev.participation.groups.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of a directory search: the matching groups in alphabetical order of name (then in the
 * order they were created), how many match in all, and the counts beside each facet value.
 */
public record DirectoryPage(List<PublicGroup> groups, int total, Facets facets) {

    public DirectoryPage {
        groups = List.copyOf(groups);
        Objects.requireNonNull(facets, "facets");
    }
}
