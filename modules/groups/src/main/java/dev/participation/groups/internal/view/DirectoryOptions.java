package dev.participation.groups.internal.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.participation.api.widget.Links;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Facets;
import dev.participation.groups.internal.view.DirectoryView.Option;
import dev.participation.groups.internal.view.DirectoryView.PageLink;
import dev.participation.groups.internal.view.DirectoryView.Paging;
import dev.participation.kit.i18n.Messages;

/**
 * The directory form's tick boxes, each with its count and whether it is ticked, and the links
 * between pages of results: what a search shows besides its groups, worked out from the visitor's
 * filter and the search's facet counts ({@code null} facets: nothing was searched, so no counts).
 */
public final class DirectoryOptions {

    private DirectoryOptions() {
    }

    public static List<Option> who(DirectoryFilter filter, Facets facets, Messages messages) {
        List<Option> options = new ArrayList<>();
        for (Eligibility e : Eligibility.values()) {
            // Groups open to everyone show whatever is ticked, so a tick for them narrows nothing.
            if (e == Eligibility.OPEN_TO_ALL) {
                continue;
            }
            int count = facets == null ? -1 : facets.whoFor().getOrDefault(e, 0);
            options.add(new Option(e.key(), messages.get("groups.eligibility." + e.key()), count,
                    filter.whoTyped().contains(e.key())));
        }
        return options;
    }

    public static List<Option> areas(DirectoryFilter filter, Facets facets) {
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (facets != null) {
            counts.putAll(facets.areas());
        }
        // A ticked area no group matches any more stays on the form, so it can be unticked.
        filter.areas().forEach(a -> counts.putIfAbsent(a, facets == null ? -1 : 0));
        List<Option> options = new ArrayList<>();
        counts.forEach((area, count) -> {
            if (!area.isBlank()) {
                options.add(new Option(area, area, count, filter.areas().contains(area)));
            }
        });
        return options;
    }

    public static List<Option> ways(DirectoryFilter filter, Facets facets, Messages messages) {
        List<Option> options = new ArrayList<>();
        for (Attendance a : List.of(Attendance.IN_PERSON, Attendance.ONLINE)) {
            int count = facets == null ? -1 : facets.ways().getOrDefault(a, 0);
            options.add(new Option(a.key(), messages.get("groups.attendance." + a.key()), count,
                    filter.waysTyped().contains(a.key())));
        }
        return options;
    }

    /** GOV.UK pagination: first, last, and the pages either side of the current one. */
    public static Paging paging(DirectoryFilter filter, int pages, Links links) {
        if (pages <= 1) {
            return Paging.NONE;
        }
        int current = filter.page();
        List<PageLink> numbered = new ArrayList<>();
        int lastShown = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - current) <= 1) {
                if (lastShown > 0 && n > lastShown + 1) {
                    numbered.add(new PageLink(0, "", false));
                }
                numbered.add(new PageLink(n, links.view(filter.onPage(n).linkParameters()), n == current));
                lastShown = n;
            }
        }
        String previous = current > 1 ? links.view(filter.onPage(current - 1).linkParameters()) : "";
        String next = current < pages ? links.view(filter.onPage(current + 1).linkParameters()) : "";
        return new Paging(previous, next, numbered);
    }
}
