package dev.participation.pledge.internal.widget;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import dev.participation.kit.demo.DemoPlacement;
import dev.participation.kit.demo.DemoWords;

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
public final class PledgeDemoContent extends DemoPlacement {

    public static final String KEY = "pledge.demo";
    /** The page the widgets go on: the pledge widget's own page. */
    public static final String PAGE = "pledge";

    static final String YOUNG_PEOPLE = "cyp";
    static final String PARENTS = "parents";

    private static final String DEMO = "dev/participation/pledge/demo/Demo";

    private final Pledges pledges;

    @Activate
    public PledgeDemoContent(@Reference Pledges pledges, @Reference WidgetInstances instances) {
        super(KEY, instances, PAGE);
        this.pledges = pledges;
    }

    @Override
    public void install(String actor) {
        DemoWords words = DemoWords.of(PledgeDemoContent.class, DEMO);
        String youngPeople = publish(words, YOUNG_PEOPLE, actor);
        String parents = publish(words, PARENTS, actor);
        show(youngPeople, PledgeWidget.LAYOUT_FULL, actor);
        show(parents, PledgeWidget.LAYOUT_CARDS, actor);
    }

    /** Creates and publishes one pledge (unless one already lives at its address); returns its slug. */
    private String publish(DemoWords words, String prefix, String actor) {
        String slug = words.text(prefix + ".slug");
        if (pledges.published(slug).isPresent()) {
            return slug;
        }
        PledgeDraft draft = pledges.create(slug, content(words, prefix), actor);
        pledges.publish(draft.id(), draft.revision(), actor);
        String evidenceKey = prefix + ".evidence.commitment";
        if (words.has(evidenceKey)) {
            pledges.addEvidence(draft.id(), words.text(evidenceKey),
                    LocalDate.parse(words.text(prefix + ".evidence.date")), words.text(prefix + ".evidence.text"), "",
                    actor, true);
        }
        return slug;
    }

    /** Kept for the benchmarks, which build the demo's pledges without a portal. */
    static PledgeContent content(ResourceBundle words, String prefix) {
        return content(new DemoWords(words), prefix);
    }

    static PledgeContent content(DemoWords words, String prefix) {
        List<Principle> principles = new ArrayList<>();
        for (String part : words.list(prefix + ".parts")) {
            String base = prefix + "." + part;
            List<Commitment> commitments = new ArrayList<>();
            for (int n = 1; words.has(base + ".c" + n); n++) {
                commitments.add(new Commitment(part + "-" + n, words.text(base + ".c" + n),
                        words.optional(base + ".c" + n + ".easy")));
            }
            principles.add(new Principle(part, words.text(base + ".title"), words.text(base + ".promise"),
                    words.optional(base + ".promise.easy"), "", "", commitments));
        }
        List<Signatory> signatories = new ArrayList<>();
        for (int n = 1; n <= words.number(prefix + ".signatories"); n++) {
            String base = prefix + ".signatory" + n;
            signatories.add(new Signatory(words.text(base + ".name"), words.optional(base + ".role"),
                    LocalDate.parse(words.text(base + ".date"))));
        }
        Audience audience = Audience.fromKey(words.text(prefix + ".audience"))
                .orElseThrow(() -> new IllegalStateException("unknown audience in demo: " + prefix));
        return new PledgeContent(words.text(prefix + ".title"), audience, words.paragraphs(prefix + ".intro"),
                words.paragraphs(prefix + ".intro.easy"), principles, signatories);
    }

    /** A pledge widget showing this pledge in this layout, unless one shows it already. */
    private void show(String slug, String layout, String actor) {
        // Otherwise the widget's defaults: commitments and easy read shown, headings from level 2.
        place(PledgeWidget.TYPE, Map.of(PledgeWidget.PLEDGE, slug), Map.of(PledgeWidget.LAYOUT, layout),
                actor);
    }
}
