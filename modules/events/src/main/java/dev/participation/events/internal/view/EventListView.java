package dev.participation.events.internal.view;

import java.util.List;
import java.util.Map;

import dev.participation.kit.form.GetForm;

/**
 * The view model of {@code view/list.ftlh}: the filters as typed, their errors, and the events found.
 *
 * @param fieldErrors each filter field's error text, by field name without the namespace
 * @param summary     the error summary's entries: the namespaced id each links to, and the text
 */
public record EventListView(String stylesheet, int level, boolean showFilters, boolean cards, GetForm form, String ns,
        Map<String, String> typed, List<Option> whenOptions, List<Option> typeOptions, Map<String, String> fieldErrors,
        Map<String, String> summary, boolean valid, String status, List<Card> events, String clearHref) {

    /** One event in the list. */
    public record Card(String title, String href, String type, String dates, String where, String ages,
            String placesKey, String placesText) {
    }

    /** A radio button or checkbox: what is sent, its words, and whether it is chosen. */
    public record Option(String value, String label, boolean checked) {
    }
}
