package dev.participation.groups.internal.json;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;

/**
 * The public JSON shapes of the group directory. They are built from {@link PublicGroup} only, which
 * has no field for the staff manager, so the manager cannot appear. Absent texts are {@code null},
 * which the JSON adapter leaves out; keys are the stable words the directory's addresses use.
 */
public final class GroupJson {

    private GroupJson() {
    }

    /** {@code GET /api/groups}: one page of matching groups, how many match, and the facet counts. */
    public record GroupList(int total, int page, int size, List<Group> groups, FacetCounts facets) {
    }

    /** How many groups ticking each value would show, as the directory counts them. */
    public record FacetCounts(Map<String, Integer> whoFor, Map<String, Integer> areas, Map<String, Integer> ways) {
    }

    /** {@code GET /api/groups/{slug}}, and each entry of the list. */
    public record Group(String slug, String name, String summary, String description, Who whoFor,
            When meetings, Where place, String accessibility, String membership, FeedsIntoJson feedsInto,
            Image image, LocalDate lastReviewed) {
    }

    public record Who(Integer youngest, Integer oldest, String firstSchoolYear, String lastSchoolYear,
            List<String> eligibility) {
    }

    public record When(String when, boolean termTimeOnly) {
    }

    public record Where(String area, String venue, String attendance) {
    }

    public record FeedsIntoJson(String group, String board, int seats) {
    }

    public record Image(String url, String alt) {
    }

    static Group group(PublicGroup g) {
        WhoFor w = g.whoFor();
        Who who = new Who(w.youngest(), w.oldest(), year(w.firstYear()), year(w.lastYear()),
                w.eligibility().stream().map(e -> e.key()).toList());
        FeedsInto f = g.feedsInto();
        FeedsIntoJson feeds = f.isNowhere() ? null : new FeedsIntoJson(orNull(f.group()), orNull(f.board()), f.seats());
        Image image = g.imageUrl().isBlank() ? null : new Image(g.imageUrl(), g.imageAlt());
        return new Group(g.slug(), g.name(), g.summary(), orNull(g.description()), who,
                new When(orNull(g.meetings().when()), g.meetings().termTimeOnly()),
                new Where(orNull(g.place().area()), orNull(g.place().venue()),
                        g.place().attendance() == null ? null : g.place().attendance().key()),
                orNull(g.accessibility()), g.membership() == null ? null : g.membership().key(), feeds, image,
                g.lastReviewed());
    }

    static GroupList list(DirectoryPage page, int pageNumber, int size) {
        Map<String, Integer> whoFor = new LinkedHashMap<>();
        page.facets().whoFor().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> whoFor.put(e.getKey().key(), e.getValue()));
        Map<String, Integer> ways = new LinkedHashMap<>();
        page.facets().ways().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ways.put(e.getKey().key(), e.getValue()));
        return new GroupList(page.total(), pageNumber, size, page.groups().stream().map(GroupJson::group).toList(),
                new FacetCounts(whoFor, page.facets().areas(), ways));
    }

    private static String year(SchoolYear year) {
        return year == null ? null : year.key();
    }

    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
