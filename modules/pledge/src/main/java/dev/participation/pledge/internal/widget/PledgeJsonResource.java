package dev.participation.pledge.internal.widget;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.json.JsonAddresses;
import dev.participation.pledge.internal.view.EvidenceLinks;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/pledges} and {@code GET /api/pledges/{slug}}: the published pledges, for other
 * council sites and apps. Reads only the published versions.
 */
@Component(service = JsonResource.class)
public final class PledgeJsonResource implements JsonResource {

    public static final String NAME = "pledges";
    static final String OPENAPI = "/dev/participation/pledge/json/openapi.json";

    private final Pledges pledges;

    @Activate
    public PledgeJsonResource(@Reference Pledges pledges) {
        this.pledges = pledges;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URL openApi() {
        return JsonAddresses.openApi(PledgeJsonResource.class, OPENAPI);
    }

    @Override
    public Object get(JsonRequest request) {
        if (JsonAddresses.collection(request)) {
            Messages words = words(request.locale());
            return pledges.published().stream().map(p -> summary(p, words)).toList();
        }
        String slug = JsonAddresses.item(request, PledgeRules::validSlug,
                "There is no published pledge at this address.");
        return pledges.published(slug).map(p -> pledge(p, words(request.locale())))
                .orElseThrow(() -> ApiProblem.notFound("There is no published pledge called '" + slug + "'."));
    }

    private static Messages words(Locale locale) {
        return Messages.of(locale == null ? Locale.UK : locale,
                PledgeWidget.WORDS.forLocale(locale == null ? Locale.UK : locale));
    }

    static PledgeJson.Summary summary(PublishedPledge p, Messages words) {
        PledgeContent c = p.content();
        return new PledgeJson.Summary(p.slug(), c.title(), audience(c), audienceLabel(c, words), p.version(),
                p.publishedAt());
    }

    static PledgeJson.Pledge pledge(PublishedPledge p, Messages words) {
        PledgeContent c = p.content();
        List<PledgeJson.Part> parts = new ArrayList<>();
        for (Principle principle : c.principles()) {
            parts.add(part(principle, p.evidence()));
        }
        List<PledgeJson.Signer> signers = c.signatories().stream()
                .map(s -> new PledgeJson.Signer(s.name(), orNull(s.role()), s.signedOn())).toList();
        return new PledgeJson.Pledge(p.slug(), c.title(), audience(c), audienceLabel(c, words), p.version(),
                p.publishedAt(), c.introduction(), orNull(c.easyReadIntroduction()), parts, signers);
    }

    private static PledgeJson.Part part(Principle p, Map<String, EvidenceSummary> evidence) {
        List<PledgeJson.Action> actions = new ArrayList<>();
        for (Commitment c : p.commitments()) {
            EvidenceSummary e = evidence.get(c.key());
            PledgeJson.EvidenceJson ev = e == null
                    ? new PledgeJson.EvidenceJson(0, null)
                    : new PledgeJson.EvidenceJson(e.count(), e.latest() == null ? null
                            : new PledgeJson.LatestEvidence(e.latest().date(), e.latest().description(),
                                    orNull(EvidenceLinks.followable(e.latest().link()))));
            actions.add(new PledgeJson.Action(c.key(), c.text(), orNull(c.easyReadText()), ev));
        }
        PledgeJson.Image image = p.imageUrl().isBlank() ? null : new PledgeJson.Image(p.imageUrl(), p.imageAlt());
        return new PledgeJson.Part(p.key(), p.title(), p.promise(), orNull(p.easyReadPromise()), image, actions);
    }

    private static String audience(PledgeContent c) {
        return c.audience() == null ? null : c.audience().key();
    }

    private static String audienceLabel(PledgeContent c, Messages words) {
        return c.audience() == null ? null : words.get(c.audience().labelKey());
    }

    private static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
