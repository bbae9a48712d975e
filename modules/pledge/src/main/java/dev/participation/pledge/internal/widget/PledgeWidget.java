package dev.participation.pledge.internal.widget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.cache.Recent;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;
import dev.participation.pledge.internal.view.PledgeRenderer;
import dev.participation.pledge.internal.view.PledgeViewOptions;
import dev.participation.pledge.internal.view.PledgeViewOptions.Layout;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public pledge display: one published pledge or charter, in full, as cards or one part at a
 * time, with an easy-read switch that works without JavaScript. It only ever reads published
 * versions ({@link Pledges#published()} and {@link Pledges#published(String)}).
 *
 * <p>Request parameters: {@code read=easy} (or {@code standard}) picks the wording, and
 * {@code part=<principle key>} opens one part from the cards layout. Every link the widget makes
 * carries the visitor's reading choice on, so it lasts while they move around the widget.
 */
@Component(service = Widget.class)
public final class PledgeWidget implements Widget {

    public static final String KEY = "pledge";
    public static final String CATEGORY = "Participation";

    /** Preference: the slug of the pledge to show; empty shows the first published one. */
    public static final String PLEDGE = "pledge";
    /** Preference: {@code full}, {@code cards} or {@code principle}. */
    public static final String LAYOUT = "layout";
    /** Preference: for the one-part layout, the part's title (or key); empty shows the first part. */
    public static final String PRINCIPLE = "principle";
    /** Preference: whether commitments and their evidence are shown. */
    public static final String COMMITMENTS = "showCommitments";
    /** Preference: whether the easy read switch is offered. */
    public static final String EASY_READ = "offerEasyRead";
    /** Preference: the widget's first heading level, 2 to 4. */
    public static final String LEVEL = "headingLevel";

    public static final String LAYOUT_FULL = "full";
    public static final String LAYOUT_CARDS = "cards";
    public static final String LAYOUT_PRINCIPLE = "principle";

    /** Request parameter carrying the reading choice. */
    public static final String READ = "read";
    public static final String READ_EASY = "easy";
    public static final String READ_STANDARD = "standard";
    /** Request parameter opening one part from the cards. */
    public static final String PART = "part";

    static final String TEMPLATES = "/dev/participation/pledge/templates/view";
    /** Views kept drawn: layouts, reading choices, opened parts and languages of a few pledges. */
    private static final int DRAWN_MOST = 64;

    static final LanguageBundles WORDS = new LanguageBundles(PledgeWidget.class,
            "dev/participation/pledge/widget/Language", "dev/participation/pledge/shared/Language");

    private final Pledges pledges;
    private final PledgeRenderer renderer;
    private final Templates templates;
    /**
     * Drawing a pledge (its template, the paragraphs and links of every text, the messages) cost
     * far more than reading it, and visitors see the same few views of the same few versions.
     */
    private final Recent<Shown, String> drawn = new Recent<>(DRAWN_MOST);

    @Activate
    public PledgeWidget(@Reference Pledges pledges) {
        this.pledges = pledges;
        this.renderer = new PledgeRenderer();
        this.templates = Templates.of(PledgeWidget.class, TEMPLATES);
    }

    /** Longest pledge slug the "which pledge" setting accepts; slugs are far shorter. */
    static final int SLUG_MAX = 80;

    /**
     * The widget type. Which pledges exist is data, so the "which pledge" setting lists them only
     * when an editor opens the settings form ({@link #choices}); nothing here reads the database.
     */
    public static final WidgetType TYPE = new WidgetType(KEY, "pledge.name", "pledge.description", CATEGORY, List.of(
            PreferenceDefinition.choiceFromData(PLEDGE, "pledge.pref.pledge", "pledge.pref.pledge.hint", false,
                    SLUG_MAX),
            PreferenceDefinition.choice(LAYOUT, "pledge.pref.layout", "pledge.pref.layout.hint", LAYOUT_FULL,
                    true, List.of(Choice.keyed(LAYOUT_FULL, "pledge.layout.full"),
                            Choice.keyed(LAYOUT_CARDS, "pledge.layout.cards"),
                            Choice.keyed(LAYOUT_PRINCIPLE, "pledge.layout.principle"))),
            PreferenceDefinition.text(PRINCIPLE, "pledge.pref.principle", "pledge.pref.principle.hint", "",
                    false, 120),
            PreferenceDefinition.bool(COMMITMENTS, "pledge.pref.commitments", "pledge.pref.commitments.hint",
                    true),
            PreferenceDefinition.bool(EASY_READ, "pledge.pref.easyRead", "pledge.pref.easyRead.hint", true),
            PreferenceDefinition.integer(LEVEL, "pledge.pref.level", "pledge.pref.level.hint", 2, 2, 4)));

    @Override
    public WidgetType type() {
        return TYPE;
    }

    /** The published pledges, read fresh so one published a moment ago is offered at once. */
    @Override
    public List<Choice> choices(PreferenceDefinition preference) {
        if (!PLEDGE.equals(preference.key())) {
            return preference.choices();
        }
        List<Choice> choices = new ArrayList<>();
        for (PublishedPledge p : pledges.published()) {
            choices.add(Choice.named(p.slug(), p.content().title()));
        }
        return choices;
    }

    /** A pledge withdrawn or renamed while the editor had the form open cannot be chosen. */
    @Override
    public Map<String, Message> validate(Preferences settings) {
        Optional<String> slug = settings.value(PLEDGE);
        if (slug.isPresent() && pledges.published(slug.get()).isEmpty()) {
            return Map.of(PLEDGE, Message.of("pledge.pref.pledge.unpublished"));
        }
        return Map.of();
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return WORDS.forLocale(locale);
    }

    /** The easy-read choice follows the visitor to every pledge on every page for the visit. */
    @Override
    public java.util.Set<String> rememberedParameters() {
        return java.util.Set.of(READ);
    }

    /** Only the reading choice and the opened part change the view; public page copies key on them alone. */
    @Override
    public Optional<java.util.Set<String>> viewParameters() {
        return Optional.of(java.util.Set.of(READ, PART));
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        Preferences prefs = request.preferences();
        Messages messages = Messages.of(request.locale(), WORDS.forLocale(request.locale()));
        int level = Math.max(2, Math.min(4, prefs.getInt(LEVEL, 2)));
        Links links = request.links();
        String stylesheet = links.asset(PledgeRenderer.STYLESHEET);

        Optional<PublishedPledge> found = prefs.value(PLEDGE)
                .map(pledges::published)
                .orElseGet(() -> pledges.published().stream().findFirst());
        if (found.isEmpty() || found.get().content().principles().isEmpty()) {
            return WidgetView.of(templates.render("empty.ftlh", Map.of("level", level), messages));
        }
        PublishedPledge pledge = found.get();
        PledgeContent content = pledge.content();

        boolean offered = prefs.getBoolean(EASY_READ) && content.hasEasyRead();
        boolean easy = offered && request.parameter(READ).map(READ_EASY::equals).orElse(false);
        Layout configured = layout(prefs.get(LAYOUT));
        // A card's "read more" opens its part in the same widget; only the cards layout links there.
        Optional<Principle> opened = configured == Layout.CARDS
                ? request.parameter(PART).flatMap(content::principle)
                : Optional.empty();

        Map<String, String> keep = new LinkedHashMap<>();
        opened.ifPresent(p -> keep.put(PART, p.key()));
        String toggle = offered ? links.view(with(keep, READ, easy ? READ_STANDARD : READ_EASY)) : "";

        PledgeViewOptions options;
        if (opened.isPresent()) {
            options = new PledgeViewOptions(Layout.ONE_PRINCIPLE, prefs.getBoolean(COMMITMENTS), easy, level,
                    opened.get().key(), toggle, offered);
        } else if (configured == Layout.CARDS) {
            Map<String, String> cardLinks = new HashMap<>();
            for (Principle p : content.principles()) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put(PART, p.key());
                if (easy) {
                    params.put(READ, READ_EASY);
                }
                cardLinks.put(p.key(), links.view(params));
            }
            options = new PledgeViewOptions(Layout.CARDS, prefs.getBoolean(COMMITMENTS), easy, level, "", toggle,
                    offered, cardLinks);
        } else {
            String key = configured == Layout.ONE_PRINCIPLE ? principleKey(content, prefs.get(PRINCIPLE)) : "";
            options = new PledgeViewOptions(configured, prefs.getBoolean(COMMITMENTS), easy, level, key, toggle,
                    offered);
        }

        String backHref = opened.isPresent() ? links.view(easy ? Map.of(READ, READ_EASY) : Map.of()) : "";
        Shown shown = new Shown(pledge.id(), pledge.version(), evidenceStamp(pledge.evidence()), options,
                request.locale(), stylesheet, backHref);
        return WidgetView.of(drawn.get(shown, () -> {
            Map<String, Object> model = new HashMap<>();
            model.put("stylesheet", stylesheet);
            model.put("body", renderer.render(content, pledge.evidence(), options, messages));
            model.put("backHref", backHref);
            return templates.render("widget.ftlh", model, messages);
        }));
    }

    /**
     * Everything a drawn pledge depends on, the evidence as just read included: the same inputs
     * always draw the same HTML, so a kept drawing is right on every node. A published version
     * never changes, so its number stands for its content: comparing the content itself, part by
     * part on every request, cost more than drawing saved. The same goes for the evidence (see
     * {@link #evidenceStamp}).
     */
    private record Shown(long pledge, int version, String evidence, PledgeViewOptions options, Locale locale,
            String stylesheet, String backHref) {
    }

    /**
     * What the shown evidence depends on, in a few characters: per commitment, how many pieces and
     * which is newest. Public evidence is approved, and an approved piece is never edited, only
     * removed (which changes the count), so these decide what is drawn without hashing every
     * description read afresh on each request.
     */
    static String evidenceStamp(Map<String, EvidenceSummary> evidence) {
        StringBuilder stamp = new StringBuilder(evidence.size() * 16);
        new java.util.TreeMap<>(evidence).forEach((commitment, summary) -> stamp.append(commitment).append(':')
                .append(summary.count()).append(':').append(summary.latest().id()).append(';'));
        return stamp.toString();
    }

    /**
     * The principle an editor named: its key, or its title ignoring case and surrounding spaces.
     * Empty (or no match) gives the first principle.
     */
    static String principleKey(PledgeContent content, String named) {
        String wanted = named == null ? "" : named.strip();
        if (wanted.isEmpty()) {
            return "";
        }
        return content.principle(wanted).map(Principle::key)
                .or(() -> content.principles().stream().filter(p -> p.title().strip().equalsIgnoreCase(wanted))
                        .findFirst().map(Principle::key))
                .orElse("");
    }

    static Layout layout(String value) {
        return switch (value) {
            case LAYOUT_CARDS -> Layout.CARDS;
            case LAYOUT_PRINCIPLE -> Layout.ONE_PRINCIPLE;
            default -> Layout.FULL;
        };
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.put(key, value);
        return all;
    }
}
