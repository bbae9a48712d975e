package dev.participation.groups.internal.view;

import java.util.List;
import java.util.Map;

import dev.participation.kit.form.GetForm;

/**
 * The view model of {@code directory.ftlh}: the filter form (a GET form, so its results have an
 * address to share), the result count that is announced, and one page of groups.
 *
 * @param ns         the prefix each field's name needs for the host to pass it back
 * @param errors     per field id (namespaced), the message to show beside it and in the summary
 * @param status     the sentence announced to screen readers when the results change
 * @param clearHref  the directory with nothing ticked, or empty when nothing is
 */
public record DirectoryView(String stylesheet, int level, boolean showFilters, boolean showSearch, boolean cards,
        GetForm form, String ns, String text, String age, List<Option> whoFor, List<Option> areas,
        List<Option> ways, Map<String, String> errors, boolean valid, String status, List<Card> groups,
        String clearHref, Paging paging) {

    /** One tick box of a facet, with how many groups ticking it shows. */
    public record Option(String value, String label, int count, boolean checked) {
    }

    /** One group in the results. */
    public record Card(String name, String href, String summary, String ages, List<String> situations,
            String where, String when, String membership, String membershipKey) {
    }

    /** GOV.UK pagination: previous, numbered pages, next; empty hrefs where there is none. */
    public record Paging(String previous, String next, List<PageLink> pages) {
        public static final Paging NONE = new Paging("", "", List.of());

        public boolean shown() {
            return !pages.isEmpty();
        }
    }

    /** A numbered page link, or a gap ("…") when {@code number} is 0. */
    public record PageLink(int number, String href, boolean current) {
    }
}
