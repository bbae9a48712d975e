package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Screen;
import dev.participation.pledge.internal.view.PledgeRenderer;
import dev.participation.pledge.internal.view.PledgeViewOptions.Layout;
import dev.participation.pledge.internal.view.PledgeViewOptions;

/**
 * The draft as the public would see it, in each layout and in easy read, drawn by the public
 * widget's own renderer and clearly marked as not published. Only ever on the intranet.
 */
final class PreviewScreen {

    private final Pledges pledges;
    private final PledgeRenderer renderer;

    PreviewScreen(Pledges pledges, PledgeRenderer renderer) {
        this.pledges = pledges;
        this.renderer = renderer;
    }

    WidgetView preview(Screen s, PledgeDraft d) {
        PledgeContent c = d.content();
        String layoutName = s.parameter("layout");
        Layout layout = switch (layoutName) {
            case "cards" -> Layout.CARDS;
            case "principle" -> Layout.ONE_PRINCIPLE;
            default -> Layout.FULL;
        };
        String principleKey = layout == Layout.ONE_PRINCIPLE ? s.parameter("principle") : "";
        if (layout == Layout.ONE_PRINCIPLE && c.principle(principleKey).isEmpty() && !c.principles().isEmpty()) {
            principleKey = c.principles().get(0).key();
        }
        boolean easyRead = "true".equals(s.parameter("easyRead")) && c.hasEasyRead();
        String layoutParameter = layout == Layout.CARDS ? "cards" : layout == Layout.ONE_PRINCIPLE ? "principle" : "full";

        Map<String, String> cardLinks = new HashMap<>();
        for (Principle p : c.principles()) {
            cardLinks.put(p.key(), link(s, d, "principle", p.key(), easyRead));
        }
        // The page offers its own easy read switch above the preview (whatever a widget's settings
        // are), so the rendered pledge does not draw a second one.
        PledgeViewOptions options = new PledgeViewOptions(layout, true, easyRead, 2, principleKey, "", false,
                cardLinks);
        String body = renderer.render(c, evidence(d), options, s.messages());

        List<Choice> layouts = new ArrayList<>();
        layouts.add(choice(s.text("authoring.preview.layout.full"), link(s, d, "full", "", easyRead),
                layout == Layout.FULL));
        layouts.add(choice(s.text("authoring.preview.layout.cards"), link(s, d, "cards", "", easyRead),
                layout == Layout.CARDS));
        List<Choice> principles = new ArrayList<>();
        for (Principle p : c.principles()) {
            principles.add(choice(p.title(), link(s, d, "principle", p.key(), easyRead),
                    layout == Layout.ONE_PRINCIPLE && p.key().equals(principleKey)));
        }
        View model = new View(layouts, principles, easyRead, c.hasEasyRead(),
                link(s, d, layoutParameter, principleKey, !easyRead),
                s.request().links().asset(PledgeRenderer.STYLESHEET), body, s.href(Long.toString(d.id())),
                s.href(d.id() + "/publish"));
        return s.view(s.text("authoring.preview.title", c.title()), "preview.ftlh", model);
    }

    /** Evidence as the public view would show it, so the preview shows what visitors will see. */
    private Map<String, EvidenceSummary> evidence(PledgeDraft d) {
        Map<String, EvidenceSummary> summaries = new HashMap<>();
        for (Principle p : d.content().principles()) {
            for (Commitment c : p.commitments()) {
                List<Evidence> list = pledges.evidence(d.id(), c.key());
                if (!list.isEmpty()) {
                    summaries.put(c.key(), new EvidenceSummary(list.size(), list.get(0)));
                }
            }
        }
        return summaries;
    }

    private static String link(Screen s, PledgeDraft d, String layout, String principle, boolean easyRead) {
        StringBuilder href = new StringBuilder(s.href(d.id() + "/preview")).append("?layout=").append(layout);
        if (!principle.isEmpty()) {
            href.append("&principle=").append(java.net.URLEncoder.encode(principle, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (easyRead) {
            href.append("&easyRead=true");
        }
        return href.toString();
    }

    private static Choice choice(String label, String href, boolean current) {
        return new Choice(label, href, current);
    }

    /** A layout or principle to preview, and whether it is the one shown. */
    public record Choice(String label, String href, boolean current) {
    }

    /** The draft drawn as the public would see it, with the ways to see it otherwise. */
    public record View(List<Choice> layouts, List<Choice> principles, boolean easyRead, boolean hasEasyRead,
            String easyReadHref, String stylesheet, String body, String back, String publishHref) {
    }
}
