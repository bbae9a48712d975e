package dev.participation.groups.internal.widget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Facets;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.internal.join.AskToJoin;
import dev.participation.groups.internal.view.DirectoryFilter;
import dev.participation.groups.internal.view.DirectoryOptions;
import dev.participation.groups.internal.view.DirectoryView;
import dev.participation.groups.internal.view.DirectoryView.Card;
import dev.participation.groups.internal.view.DirectoryView.Paging;
import dev.participation.groups.internal.view.GovernanceMap;
import dev.participation.groups.internal.view.GroupPageView;
import dev.participation.groups.internal.view.GroupText;
import dev.participation.groups.internal.view.MapNode;
import dev.participation.kit.form.GetForm;
import dev.participation.kit.form.HandPicks;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Times;
import dev.participation.kit.template.Templates;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The public group directory: a search with facets that works as a plain GET form, so a search
 * has an address to share; a page for each group; the ask-to-join form of a group that takes
 * members; and, as its third layout, the governance map of which groups feed which boards.
 *
 * <p>Request parameters: the filter's ({@link DirectoryFilter#PARAMETERS}), {@code group=<slug>}
 * for a group's page, and {@link AskToJoin#PARAMETER}{@code =<slug>} for its join form.
 *
 * <p>The map is a layout rather than a widget of its own because its groups link to their pages in
 * this same widget, and it follows the same "which groups" setting's data.
 */
@Component(service = Widget.class)
public final class GroupsWidget implements Widget {

    public static final String KEY = "groups";
    public static final String CATEGORY = "Participation";

    /** Preference: {@code all}, {@code tag} (one situation) or {@code picked} (chosen by hand). */
    public static final String SHOW = "show";
    /** Preference: the situation the directory is limited to, when {@link #SHOW} is {@code tag}. */
    public static final String TAG = "tag";
    /** Preference: {@code list}, {@code cards} or {@code map}. */
    public static final String LAYOUT = "layout";
    /** Preference: whether visitors get the search and filters. */
    public static final String FILTERS = "showFilters";
    /** Preference: a situation ticked until the visitor sends the filters, or empty. */
    public static final String DEFAULT_WHO = "defaultWho";
    /** Preference: how many groups to a page of results. */
    public static final String PAGE_SIZE = "pageSize";
    /** Preference: the widget's first heading level, 2 to 4. */
    public static final String LEVEL = "headingLevel";

    public static final String SHOW_ALL = "all";
    public static final String SHOW_TAG = "tag";
    public static final String SHOW_PICKED = "picked";
    public static final String LAYOUT_LIST = "list";
    public static final String LAYOUT_CARDS = "cards";
    public static final String LAYOUT_MAP = "map";

    /** Request parameter opening one group's page. */
    public static final String GROUP = "group";

    static final String TEMPLATES = "/dev/participation/groups/templates/view";
    static final String STYLESHEET = "groups.css";
    /** Longest group address a pick accepts; addresses are at most 60 characters. */
    static final int SLUG_MAX = 60;
    /** Preferences: the groups chosen by hand, when {@link #SHOW} is {@code picked}. */
    static final HandPicks PICKS = new HandPicks("groups", SLUG_MAX);
    /** Groups the map and the editors' pick list read at most: a council has dozens, not thousands. */
    static final int LISTED_MOST = 1000;

    static final LanguageBundles WORDS = new LanguageBundles(GroupsWidget.class,
            "dev/participation/groups/widget/Language", "dev/participation/groups/shared/Language");

    public static final WidgetType TYPE = new WidgetType(KEY, "groups.name", "groups.description", CATEGORY,
            definitions());

    private static List<PreferenceDefinition> definitions() {
        List<Choice> situations = new ArrayList<>();
        for (Eligibility e : Eligibility.values()) {
            situations.add(Choice.keyed(e.key(), "groups.eligibility." + e.key()));
        }
        List<Choice> optionalSituations = new ArrayList<>();
        optionalSituations.add(Choice.keyed("", "groups.pref.defaultWho.none"));
        optionalSituations.addAll(situations);
        List<PreferenceDefinition> all = new ArrayList<>();
        all.add(PreferenceDefinition.choice(LAYOUT, "groups.pref.layout", "groups.pref.layout.hint", LAYOUT_LIST,
                true, List.of(Choice.keyed(LAYOUT_LIST, "groups.layout.list"),
                        Choice.keyed(LAYOUT_CARDS, "groups.layout.cards"),
                        Choice.keyed(LAYOUT_MAP, "groups.layout.map"))));
        all.add(PreferenceDefinition.choice(SHOW, "groups.pref.show", "groups.pref.show.hint", SHOW_ALL, true,
                List.of(Choice.keyed(SHOW_ALL, "groups.show.all"), Choice.keyed(SHOW_TAG, "groups.show.tag"),
                        Choice.keyed(SHOW_PICKED, "groups.show.picked"))));
        all.add(PreferenceDefinition.choice(TAG, "groups.pref.tag", "groups.pref.tag.hint", "", false,
                optionalSituations));
        all.addAll(PICKS.definitions());
        all.add(PreferenceDefinition.bool(FILTERS, "groups.pref.filters", "groups.pref.filters.hint", true));
        all.add(PreferenceDefinition.choice(DEFAULT_WHO, "groups.pref.defaultWho", "groups.pref.defaultWho.hint", "",
                false, optionalSituations));
        all.add(PreferenceDefinition.integer(PAGE_SIZE, "groups.pref.pageSize", "groups.pref.pageSize.hint", 10, 5,
                50));
        all.add(PreferenceDefinition.integer(LEVEL, "groups.pref.level", "groups.pref.level.hint", 2, 2, 4));
        return all;
    }

    private final Groups groups;
    private final Templates templates;
    private volatile AskToJoin askToJoin;

    @Activate
    public GroupsWidget(@Reference Groups groups) {
        this.groups = groups;
        this.templates = Templates.of(GroupsWidget.class, TEMPLATES);
    }

    /**
     * The join form, when its component runs. Optional and greedy: without one the directory
     * works and offers no "Ask to join"; a better one replaces it without restarting the widget.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAskToJoin(AskToJoin form) {
        this.askToJoin = form;
    }

    void unbindAskToJoin(AskToJoin form) {
        // Only if it is still the one bound: a greedy replacement binds before the old one leaves.
        if (this.askToJoin == form) {
            this.askToJoin = null;
        }
    }

    @Override
    public WidgetType type() {
        return TYPE;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return WORDS.forLocale(locale);
    }

    /** The groups in the directory, for the pick lists, read when the settings form is drawn. */
    @Override
    public List<Choice> choices(PreferenceDefinition preference) {
        return PICKS.choices(preference, () -> listed().stream().map(g -> Choice.named(g.slug(), g.name())).toList());
    }

    /** A picked group removed meanwhile, or "picked by hand" with nothing picked, cannot be saved. */
    @Override
    public Map<String, Message> validate(Preferences settings) {
        String show = settings.get(SHOW);
        Map<String, Message> errors = PICKS.check(settings, SHOW_PICKED.equals(show),
                slug -> groups.find(slug).isPresent());
        if (SHOW_TAG.equals(show) && settings.value(TAG).isEmpty()) {
            errors.put(TAG, Message.of("groups.pref.tag.none"));
        }
        return errors;
    }

    @Override
    public Optional<Set<String>> viewParameters() {
        Set<String> names = new HashSet<>(DirectoryFilter.PARAMETERS);
        names.add(GROUP);
        names.add(AskToJoin.PARAMETER);
        AskToJoin form = askToJoin;
        if (form != null) {
            names.addAll(form.viewParameters());
        }
        return Optional.of(Set.copyOf(names));
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        Messages messages = Messages.of(request.locale(), WORDS.forLocale(request.locale()));
        Preferences prefs = request.preferences();
        int level = Math.max(2, Math.min(4, prefs.getInt(LEVEL, 2)));
        String stylesheet = request.links().asset(STYLESHEET);

        Optional<String> joining = request.parameter(AskToJoin.PARAMETER).filter(s -> !s.isBlank());
        if (joining.isPresent()) {
            return join(request, joining.get().strip(), messages, level, stylesheet);
        }
        Optional<String> opened = request.parameter(GROUP).filter(s -> !s.isBlank());
        if (opened.isPresent()) {
            return groupPage(request, opened.get().strip(), messages, level, stylesheet);
        }
        if (LAYOUT_MAP.equals(prefs.get(LAYOUT))) {
            return map(request, messages, level, stylesheet);
        }
        return directory(request, messages, level, stylesheet);
    }

    @Override
    public PostOutcome post(WidgetRequest request) {
        Optional<String> joining = request.parameter(AskToJoin.PARAMETER).filter(s -> !s.isBlank());
        AskToJoin form = askToJoin;
        if (joining.isEmpty() || form == null) {
            return PostOutcome.notAccepted();
        }
        Messages messages = Messages.of(request.locale(), WORDS.forLocale(request.locale()));
        int level = Math.max(2, Math.min(4, request.preferences().getInt(LEVEL, 2)));
        String stylesheet = request.links().asset(STYLESHEET);
        Optional<PublicGroup> group = findQuietly(joining.get().strip());
        if (group.isEmpty()) {
            return PostOutcome.invalid(notFound(request, messages, level, stylesheet));
        }
        if (!takesMembers(group.get())) {
            return PostOutcome.invalid(closed(request, group.get(), messages, level, stylesheet));
        }
        return form.post(request, group.get());
    }

    private WidgetView join(WidgetRequest request, String slug, Messages messages, int level, String stylesheet) {
        Optional<PublicGroup> group = findQuietly(slug);
        if (group.isEmpty()) {
            return notFound(request, messages, level, stylesheet);
        }
        AskToJoin form = askToJoin;
        if (form == null) {
            // No join form installed: the group's own page says how things stand.
            return groupPage(request, slug, messages, level, stylesheet);
        }
        if (!takesMembers(group.get())) {
            return closed(request, group.get(), messages, level, stylesheet);
        }
        return form.render(request, group.get());
    }

    static boolean takesMembers(PublicGroup group) {
        return group.membership() == Membership.OPEN || group.membership() == Membership.WAITING_LIST;
    }

    /** An address too long or oddly shaped to be a group's names no group; no need to ask the store. */
    private Optional<PublicGroup> findQuietly(String slug) {
        if (slug.length() > SLUG_MAX || !slug.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        return groups.find(slug);
    }

    private WidgetView groupPage(WidgetRequest request, String slug, Messages messages, int level,
            String stylesheet) {
        Optional<PublicGroup> found = findQuietly(slug);
        if (found.isEmpty()) {
            return notFound(request, messages, level, stylesheet);
        }
        PublicGroup g = found.get();
        Links links = request.links();
        DirectoryFilter search = DirectoryFilter.read(request.parameters(), Optional.empty());
        Map<String, String> back = search.valid() ? search.linkParameters() : Map.of();
        String feedsInto = "";
        String feedsIntoHref = "";
        if (!g.feedsInto().group().isBlank()) {
            Optional<PublicGroup> parent = findQuietly(g.feedsInto().group());
            if (parent.isPresent()) {
                feedsInto = parent.get().name();
                feedsIntoHref = links.view(with(back, GROUP, parent.get().slug()));
            }
        } else {
            feedsInto = g.feedsInto().board();
        }
        String joinHref = askToJoin != null && takesMembers(g)
                ? links.view(Map.of(AskToJoin.PARAMETER, g.slug()))
                : "";
        GroupPageView view = new GroupPageView(stylesheet, level, links.view(back), g.name(), g.summary(),
                g.description(), GroupText.ages(g.whoFor(), messages), GroupText.situations(g.whoFor(), messages),
                g.meetings().when(), g.meetings().termTimeOnly(), GroupText.where(g.place(), messages),
                messages.get("groups.attendance." + g.place().attendance().key()), g.accessibility(),
                messages.get("groups.membership." + g.membership().key()), g.membership().key(), feedsInto,
                feedsIntoHref, g.feedsInto().seats(), g.imageUrl(), g.imageAlt(),
                g.lastReviewed() == null ? "" : Times.date(g.lastReviewed(), messages), joinHref);
        return WidgetView.titled(g.name(), templates.render("group.ftlh", view, Map.of(), messages));
    }

    private WidgetView notFound(WidgetRequest request, Messages messages, int level, String stylesheet) {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", stylesheet);
        model.put("level", level);
        model.put("back", request.links().page());
        String title = messages.get("groups.view.notFound.title");
        return WidgetView.titled(title, templates.render("not-found.ftlh", model, messages))
                .withStatus(WidgetView.NOT_FOUND);
    }

    private WidgetView closed(WidgetRequest request, PublicGroup group, Messages messages, int level,
            String stylesheet) {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", stylesheet);
        model.put("level", level);
        model.put("name", group.name());
        model.put("back", request.links().view(Map.of(GROUP, group.slug())));
        String title = messages.get("groups.view.closed.title", group.name());
        return WidgetView.titled(title, templates.render("closed.ftlh", model, messages));
    }

    private WidgetView map(WidgetRequest request, Messages messages, int level, String stylesheet) {
        Links links = request.links();
        List<MapNode> roots = GovernanceMap.of(listed(), slug -> links.view(Map.of(GROUP, slug)));
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", stylesheet);
        model.put("level", level);
        model.put("roots", roots);
        model.put("id", "pw-groups-map-" + request.namespace().replaceAll("[^A-Za-z0-9_-]", ""));
        return WidgetView.of(templates.render("map.ftlh", model, messages));
    }

    private WidgetView directory(WidgetRequest request, Messages messages, int level, String stylesheet) {
        Preferences prefs = request.preferences();
        Links links = request.links();
        String ns = request.namespace();
        boolean picked = SHOW_PICKED.equals(prefs.get(SHOW));
        Optional<Eligibility> scope = SHOW_TAG.equals(prefs.get(SHOW))
                ? prefs.value(TAG).flatMap(Eligibility::fromKey)
                : Optional.empty();
        boolean showFilters = prefs.getBoolean(FILTERS) && !picked;
        Optional<Eligibility> defaultWho = scope.isPresent() ? Optional.empty()
                : prefs.value(DEFAULT_WHO).flatMap(Eligibility::fromKey);
        DirectoryFilter filter = showFilters ? DirectoryFilter.read(request.parameters(), defaultWho)
                : DirectoryFilter.read(Map.of(), defaultWho);
        int size = Math.max(5, Math.min(GroupQuery.SIZE_MAX, prefs.getInt(PAGE_SIZE, 10)));

        List<PublicGroup> shown;
        int total;
        Facets facets = null;
        Paging paging = Paging.NONE;
        if (picked) {
            shown = new ArrayList<>();
            for (String slug : HandPicks.picked(prefs)) {
                findQuietly(slug).ifPresent(shown::add);
            }
            total = shown.size();
        } else if (filter.valid()) {
            DirectoryPage page = groups.search(filter.query(size, scope));
            int pages = Math.max(1, (page.total() + size - 1) / size);
            if (filter.page() > pages) {
                // A shared link to page 5 of a search that now has 3 pages shows the last one.
                filter = filter.onPage(pages);
                page = groups.search(filter.query(size, scope));
            }
            shown = page.groups();
            total = page.total();
            facets = page.facets();
            paging = DirectoryOptions.paging(filter, pages, links);
        } else {
            shown = List.of();
            total = 0;
        }

        Map<String, String> back = filter.linkParameters();
        List<Card> cards = new ArrayList<>();
        for (PublicGroup g : shown) {
            cards.add(new Card(g.name(), links.view(with(back, GROUP, g.slug())), g.summary(),
                    GroupText.ages(g.whoFor(), messages), GroupText.situations(g.whoFor(), messages),
                    GroupText.where(g.place(), messages), g.meetings().when(),
                    messages.get("groups.membership." + g.membership().key()), g.membership().key()));
        }

        Map<String, String> errors = new LinkedHashMap<>();
        filter.errors().forEach((field, message) -> errors.put(ns + field, messages.get(message)));
        String status = filter.valid()
                ? messages.get("groups.directory.count", total)
                : messages.get("groups.directory.correct");
        String clearHref = filter.narrowed() ? links.view(Map.of(DirectoryFilter.SUBMITTED, "1")) : "";
        DirectoryView view = new DirectoryView(stylesheet, level, showFilters, showFilters, LAYOUT_CARDS.equals(
                prefs.get(LAYOUT)), GetForm.of(links.view(Map.of())), ns, filter.text(), filter.ageTyped(),
                scope.isPresent() ? List.of() : DirectoryOptions.who(filter, facets, messages), DirectoryOptions.areas(filter, facets),
                DirectoryOptions.ways(filter, facets, messages), errors, filter.valid(), status, cards, clearHref, paging);
        return WidgetView.of(templates.render("directory.ftlh", view, Map.of(), messages));
    }

    /** The directory's groups in its order, for the map and the pick lists; at most {@link #LISTED_MOST}. */
    private List<PublicGroup> listed() {
        List<PublicGroup> all = new ArrayList<>();
        int first = 0;
        while (all.size() < LISTED_MOST) {
            DirectoryPage page = groups.search(new GroupQuery("", null, Set.of(), Set.of(), Set.of(), first,
                    GroupQuery.SIZE_MAX));
            all.addAll(page.groups());
            first += GroupQuery.SIZE_MAX;
            if (page.groups().isEmpty() || first >= page.total()) {
                break;
            }
        }
        return all;
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.put(key, value);
        return all;
    }
}
