package dev.participation.pledge.internal.widget;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import dev.participation.api.demo.DemoContent;
import dev.participation.api.page.WidgetInstances;
import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.kit.i18n.LanguageBundles;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's pledges: a five-part promise to children and young people (Space, Voice, Audience,
 * Influence, Impact) and a three-part charter for parents and carers (Information,
 * Communication, Relationships), both published, one piece of evidence, and two widgets on the
 * pledge page showing them. The words are in {@code demo/Demo.properties}, so they can be
 * translated.
 */
@Component(service = DemoContent.class)
public final class PledgeDemoContent implements DemoContent {

    public static final String KEY = "pledge.demo";
    /** The page the widgets go on: the pledge widget's own page. */
    public static final String PAGE = "pledge";

    static final String YOUNG_PEOPLE = "cyp";
    static final String PARENTS = "parents";

    private static final LanguageBundles DEMO = new LanguageBundles(PledgeDemoContent.class,
            "dev/participation/pledge/demo/Demo");

    private final Pledges pledges;
    private final WidgetInstances instances;

    @Activate
    public PledgeDemoContent(@Reference Pledges pledges, @Reference WidgetInstances instances) {
        this.pledges = pledges;
        this.instances = instances;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public void install(String actor) {
        ResourceBundle words = DEMO.forLocale(Locale.ROOT);
        String youngPeople = publish(words, YOUNG_PEOPLE, actor);
        String parents = publish(words, PARENTS, actor);
        place(youngPeople, PledgeWidget.LAYOUT_FULL, actor);
        place(parents, PledgeWidget.LAYOUT_CARDS, actor);
    }

    /** Creates and publishes one pledge (unless one already lives at its address); returns its slug. */
    private String publish(ResourceBundle words, String prefix, String actor) {
        String slug = words.getString(prefix + ".slug");
        if (pledges.published(slug).isPresent()) {
            return slug;
        }
        PledgeDraft draft = pledges.create(slug, content(words, prefix), actor);
        pledges.publish(draft.id(), draft.revision(), actor);
        String evidenceKey = prefix + ".evidence.commitment";
        if (words.containsKey(evidenceKey)) {
            pledges.addEvidence(draft.id(), words.getString(evidenceKey),
                    LocalDate.parse(words.getString(prefix + ".evidence.date")),
                    words.getString(prefix + ".evidence.text"), "", actor, true);
        }
        return slug;
    }

    static PledgeContent content(ResourceBundle words, String prefix) {
        List<Principle> principles = new ArrayList<>();
        for (String part : words.getString(prefix + ".parts").split(",")) {
            String base = prefix + "." + part.strip();
            List<Commitment> commitments = new ArrayList<>();
            for (int n = 1; words.containsKey(base + ".c" + n); n++) {
                commitments.add(new Commitment(part.strip() + "-" + n, words.getString(base + ".c" + n),
                        optional(words, base + ".c" + n + ".easy")));
            }
            principles.add(new Principle(part.strip(), words.getString(base + ".title"),
                    words.getString(base + ".promise"), optional(words, base + ".promise.easy"), "", "",
                    commitments));
        }
        List<Signatory> signatories = new ArrayList<>();
        int count = Integer.parseInt(words.getString(prefix + ".signatories"));
        for (int n = 1; n <= count; n++) {
            String base = prefix + ".signatory" + n;
            signatories.add(new Signatory(words.getString(base + ".name"), optional(words, base + ".role"),
                    LocalDate.parse(words.getString(base + ".date"))));
        }
        Audience audience = Audience.fromKey(words.getString(prefix + ".audience"))
                .orElseThrow(() -> new IllegalStateException("unknown audience in demo: " + prefix));
        return new PledgeContent(words.getString(prefix + ".title"), audience, paragraphs(words, prefix + ".intro"),
                paragraphs(words, prefix + ".intro.easy"), principles, signatories);
    }

    private void place(String slug, String layout, String actor) {
        boolean present = instances.onPage(PAGE).stream().anyMatch(i -> PledgeWidget.KEY.equals(i.widgetType())
                && slug.equals(i.preferences().get(PledgeWidget.PLEDGE)));
        if (present) {
            return;
        }
        Map<String, String> prefs = new LinkedHashMap<>();
        prefs.put(PledgeWidget.PLEDGE, slug);
        prefs.put(PledgeWidget.LAYOUT, layout);
        prefs.put(PledgeWidget.PRINCIPLE, "");
        prefs.put(PledgeWidget.COMMITMENTS, "true");
        prefs.put(PledgeWidget.EASY_READ, "true");
        prefs.put(PledgeWidget.LEVEL, "2");
        PreferencesValidation checked = PledgeWidget.TYPE.validate(prefs);
        if (!checked.valid()) {
            throw new IllegalStateException("demo widget settings are invalid: " + checked.errors());
        }
        instances.place(PAGE, PledgeWidget.KEY, checked.values().asMap(), actor);
    }

    // Properties files keep a paragraph break as the two characters \n inside one value.
    private static String paragraphs(ResourceBundle words, String key) {
        return optional(words, key).replace("\\n", "\n");
    }

    private static String optional(ResourceBundle words, String key) {
        return words.containsKey(key) ? words.getString(key) : "";
    }
}
