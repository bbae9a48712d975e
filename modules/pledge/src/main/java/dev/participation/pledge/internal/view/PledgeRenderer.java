package dev.participation.pledge.internal.view;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;
import dev.participation.pledge.internal.view.PledgeViewOptions.Layout;

/**
 * Draws a pledge or charter as an HTML fragment, for the public widget and for editors' previews
 * of a draft. It reads nothing itself: it shows exactly the content and evidence it is given.
 *
 * <p>Every text an editor wrote goes through the kit's plain-text rules (paragraphs and links,
 * everything else escaped). The fragment has no ids, inline styles or scripts, so several copies
 * can sit on one page under a strict content security policy; its layout and print rules are in
 * the bundle's {@code /assets/pledge.css}, which the page that shows it should link.
 *
 * <p>Safe for concurrent use; build one and share it.
 */
public final class PledgeRenderer {

    /** The stylesheet, below the bundle's {@code /assets/} folder. */
    public static final String STYLESHEET = "pledge.css";

    static final String TEMPLATES = "/dev/participation/pledge/templates/view";
    // A key only this renderer's words have: tells whether a caller's Messages already carry them.
    private static final String OWN_KEY = "pledge.view.easyRead.note";

    private final Templates templates;
    private final LanguageBundles words;

    public PledgeRenderer() {
        this.templates = Templates.of(PledgeRenderer.class, TEMPLATES);
        this.words = new LanguageBundles(PledgeRenderer.class, "dev/participation/pledge/widget/Language",
                "dev/participation/pledge/shared/Language");
    }

    /**
     * The pledge as HTML.
     *
     * @param content  what to show (a published version, or a draft for a preview)
     * @param evidence per commitment key, its evidence; commitments without an entry have none yet
     * @param options  the layout and choices
     * @param messages the request's text; when they lack the view's own words (an authoring page's
     *                 messages, say) the view's words are used in the same locale
     */
    public String render(PledgeContent content, Map<String, EvidenceSummary> evidence, PledgeViewOptions options,
            Messages messages) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(messages, "messages");
        Map<String, EvidenceSummary> known = evidence == null ? Map.of() : evidence;
        Locale locale = messages.locale();
        Messages text = messages.has(OWN_KEY) ? messages : Messages.of(locale, words.forLocale(locale));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        boolean easy = options.easyRead();

        List<PrincipleView> principles = new ArrayList<>();
        for (Principle p : content.principles()) {
            principles.add(principle(p, known, easy, dates, options.principleLinks().getOrDefault(p.key(), "")));
        }
        List<SignatoryView> signatories = content.signatories().stream()
                .map(s -> new SignatoryView(s.name(), s.role(), format(dates, s.signedOn()), iso(s)))
                .toList();

        List<PrincipleView> shown = principles;
        if (options.layout() == Layout.ONE_PRINCIPLE) {
            shown = principles.stream().filter(p -> p.key().equals(options.principleKey())).findFirst()
                    .or(() -> principles.stream().findFirst()).map(List::of).orElse(List.of());
        }

        int level = options.headingLevel();
        Map<String, Object> model = new HashMap<>();
        model.put("layout", options.layout().name());
        model.put("title", content.title());
        model.put("audience", content.audience() == null ? "" : text.get(content.audience().labelKey()));
        model.put("introduction", pick(easy, content.easyReadIntroduction(), content.introduction()));
        model.put("principles", shown);
        model.put("signatories", signatories);
        model.put("showCommitments", options.showCommitments());
        model.put("easyRead", easy);
        model.put("offerToggle", options.easyReadOffered() && !options.easyReadToggleHref().isEmpty());
        model.put("toggleHref", options.easyReadToggleHref());
        model.put("level", level);
        model.put("subLevel", Math.min(level + 1, 6));
        return templates.render("pledge.ftlh", model, text);
    }

    private static PrincipleView principle(Principle p, Map<String, EvidenceSummary> evidence, boolean easy,
            DateTimeFormatter dates, String link) {
        List<CommitmentView> commitments = new ArrayList<>();
        for (Commitment c : p.commitments()) {
            EvidenceSummary e = evidence.get(c.key());
            int count = e == null ? 0 : e.count();
            boolean latest = e != null && e.latest() != null;
            String evidenceLink = latest ? e.latest().link() : "";
            commitments.add(new CommitmentView(c.key(), pick(easy, c.easyReadText(), c.text()), count,
                    latest ? format(dates, e.latest().date()) : "",
                    latest ? e.latest().date().toString() : "",
                    latest ? e.latest().description() : "", EvidenceLinks.followable(evidenceLink),
                    EvidenceLinks.site(evidenceLink)));
        }
        return new PrincipleView(p.key(), p.title(), pick(easy, p.easyReadPromise(), p.promise()),
                p.imageUrl().isBlank() ? "" : p.imageUrl(), p.imageAlt(), commitments, commitments.size(), link);
    }

    private static String pick(boolean easy, String easyText, String standard) {
        return easy && !easyText.isBlank() ? easyText : standard;
    }

    private static String format(DateTimeFormatter dates, LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    private static String iso(Signatory s) {
        return s.signedOn() == null ? "" : s.signedOn().toString();
    }

    /** A principle as the template shows it, with the wording already chosen. */
    public record PrincipleView(String key, String title, String promise, String imageUrl, String imageAlt,
            List<CommitmentView> commitments, int commitmentCount, String href) {
    }

    /**
     * A commitment as the template shows it.
     *
     * @param latestDate    the latest evidence's date for people, or empty
     * @param latestIsoDate the same as an ISO date for {@code <time datetime>}, or empty
     * @param latestLink    an https link to more about it, or empty
     * @param latestSite    the site that link leads to
     */
    public record CommitmentView(String key, String text, int evidenceCount, String latestDate,
            String latestIsoDate, String latestDescription, String latestLink, String latestSite) {
    }

    /** A signatory as the template shows it. */
    public record SignatoryView(String name, String role, String signedOn, String signedOnIso) {
    }
}
