package dev.participation.pledge.internal.authoring;

import java.util.List;
import java.util.function.Function;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;
import dev.participation.pledge.internal.view.PledgeRenderer;

/**
 * Which screen a path below {@code /intranet/pledges/} is:
 * <pre>
 * ""                                       every pledge            new            create one
 * {id}                                     the draft's overview    {id}/details   title, audience, introductions
 * {id}/principles/new                      add a principle         {id}/principles/{key}   change it, its commitments
 * {id}/principles/{key}/move               (post) up or down       {id}/principles/{key}/remove   confirm, remove
 * {id}/principles/{key}/commitments/new    add a commitment
 * {id}/principles/{key}/commitments/{ckey}[/move|/remove]
 * {id}/signatories/new, {id}/signatories/{n}[/remove]
 * {id}/preview   {id}/publish   {id}/history[?from=&amp;to=]   {id}/history/{v}/restore
 * </pre>
 */
final class AuthoringRouter {

    private final Pledges pledges;
    private final PledgeListScreens list;
    private final OverviewScreens overview;
    private final PrincipleScreens principles;
    private final CommitmentScreens commitments;
    private final SignatoryScreens signatories;
    private final PreviewScreen preview;
    private final PublishScreens publish;
    private final HistoryScreens history;

    AuthoringRouter(Pledges pledges, PledgeRenderer renderer) {
        DraftSaver saver = new DraftSaver(pledges);
        this.pledges = pledges;
        this.list = new PledgeListScreens(pledges);
        this.overview = new OverviewScreens(saver);
        this.principles = new PrincipleScreens(saver);
        this.commitments = new CommitmentScreens(saver);
        this.signatories = new SignatoryScreens(saver);
        this.preview = new PreviewScreen(pledges, renderer);
        this.publish = new PublishScreens(pledges);
        this.history = new HistoryScreens(pledges);
    }

    /** The endpoint for the request's path; {@link NotFound} when it names nothing. */
    Endpoint route(Screen s) {
        List<String> p = s.segments();
        if (p.isEmpty()) {
            return Endpoint.view(list::list);
        }
        if (p.size() == 1 && "new".equals(p.get(0))) {
            return Endpoint.of(list::newForm, PledgeActions.CREATE, list::create);
        }
        PledgeDraft d = Drafts.find(pledges, p.get(0));
        List<String> rest = p.subList(1, p.size());
        if (rest.isEmpty()) {
            return Endpoint.view(x -> overview.overview(x, d));
        }
        String what = rest.get(0);
        if (rest.size() == 1) {
            switch (what) {
                case "details":
                    return Endpoint.of(x -> overview.details(x, d), PledgeActions.DETAILS,
                            x -> overview.saveDetails(x, d));
                case "preview":
                    return Endpoint.view(x -> preview.preview(x, d));
                case "publish":
                    return Endpoint.of(x -> publish.confirm(x, d), PledgeActions.PUBLISH, x -> publish.publish(x, d));
                case "history":
                    return Endpoint.view(x -> history.history(x, d));
                default:
                    throw new NotFound(s.request().path());
            }
        }
        return switch (what) {
            case "principles" -> principle(s, d, rest.subList(1, rest.size()));
            case "signatories" -> signatory(s, d, rest.subList(1, rest.size()));
            case "history" -> restore(s, d, rest.subList(1, rest.size()));
            default -> throw new NotFound(s.request().path());
        };
    }

    private Endpoint principle(Screen s, PledgeDraft d, List<String> p) {
        if (p.size() == 1 && "new".equals(p.get(0))) {
            return Endpoint.of(x -> principles.newForm(x, d), PledgeActions.PRINCIPLE_ADD, x -> principles.add(x, d));
        }
        String key = p.get(0);
        if (d.content().principle(key).isEmpty()) {
            return removedPrinciple(s, d, key, p);
        }
        Principle principle = Drafts.principle(d, key);
        if (p.size() == 1) {
            return Endpoint.of(x -> principles.edit(x, d, principle), PledgeActions.PRINCIPLE_SAVE,
                    x -> principles.save(x, d, key));
        }
        if (p.size() == 2 && "move".equals(p.get(1))) {
            return Endpoint.of(x -> overview.overview(x, d), PledgeActions.PRINCIPLE_MOVE,
                    x -> principles.move(x, d, principle));
        }
        if (p.size() == 2 && "remove".equals(p.get(1))) {
            return Endpoint.of(x -> principles.confirmRemove(x, d, principle), PledgeActions.PRINCIPLE_REMOVE,
                    x -> principles.remove(x, d, principle));
        }
        if (!"commitments".equals(p.get(1))) {
            throw new NotFound(s.request().path());
        }
        List<String> c = p.subList(2, p.size());
        if (c.size() == 1 && "new".equals(c.get(0))) {
            return Endpoint.of(x -> commitments.newForm(x, d, principle), PledgeActions.COMMITMENT_ADD,
                    x -> commitments.add(x, d, key));
        }
        if (c.isEmpty() || c.size() > 2) {
            throw new NotFound(s.request().path());
        }
        String commitmentKey = c.get(0);
        if (c.size() == 1 && principle.commitments().stream().noneMatch(x -> x.key().equals(commitmentKey))) {
            return Endpoint.of(notFound(s), PledgeActions.COMMITMENT_SAVE,
                    x -> commitments.save(x, d, key, commitmentKey));
        }
        Commitment commitment = Drafts.commitment(principle, commitmentKey);
        if (c.size() == 1) {
            return Endpoint.of(x -> commitments.edit(x, d, principle, commitment), PledgeActions.COMMITMENT_SAVE,
                    x -> commitments.save(x, d, key, commitmentKey));
        }
        return switch (c.get(1)) {
            case "move" -> Endpoint.of(x -> principles.edit(x, d, principle), PledgeActions.COMMITMENT_MOVE,
                    x -> commitments.move(x, d, principle, commitment));
            case "remove" -> Endpoint.of(x -> commitments.confirmRemove(x, d, principle, commitment),
                    PledgeActions.COMMITMENT_REMOVE, x -> commitments.remove(x, d, principle, commitment));
            default -> throw new NotFound(s.request().path());
        };
    }

    /**
     * A principle that is not in the draft. Its pages are gone, but a form someone was filling in
     * when it was removed still gets an answer that keeps what they typed.
     */
    private Endpoint removedPrinciple(Screen s, PledgeDraft d, String key, List<String> p) {
        if (p.size() == 1) {
            return Endpoint.of(notFound(s), PledgeActions.PRINCIPLE_SAVE, x -> principles.save(x, d, key));
        }
        if (p.size() == 3 && "commitments".equals(p.get(1))) {
            return "new".equals(p.get(2))
                    ? Endpoint.of(notFound(s), PledgeActions.COMMITMENT_ADD, x -> commitments.add(x, d, key))
                    : Endpoint.of(notFound(s), PledgeActions.COMMITMENT_SAVE,
                            x -> commitments.save(x, d, key, p.get(2)));
        }
        throw new NotFound(s.request().path());
    }

    private static Function<Screen, WidgetView> notFound(Screen s) {
        return x -> {
            throw new NotFound(s.request().path());
        };
    }

    private Endpoint signatory(Screen s, PledgeDraft d, List<String> p) {
        if (p.size() == 1 && "new".equals(p.get(0))) {
            return Endpoint.of(x -> signatories.newForm(x, d), PledgeActions.SIGNATORY_SAVE,
                    x -> signatories.save(x, d, -1));
        }
        int place = Drafts.signatoryPlace(p.get(0));
        if (p.size() == 1 && place >= d.content().signatories().size()) {
            // Removed meanwhile: a change typed for it is answered, not lost.
            return Endpoint.of(notFound(s), PledgeActions.SIGNATORY_SAVE, x -> signatories.save(x, d, place));
        }
        int index = Drafts.signatory(d, p.get(0));
        if (p.size() == 1) {
            return Endpoint.of(x -> signatories.edit(x, d, index), PledgeActions.SIGNATORY_SAVE,
                    x -> signatories.save(x, d, index));
        }
        if (p.size() == 2 && "remove".equals(p.get(1))) {
            return Endpoint.of(x -> signatories.confirmRemove(x, d, index), PledgeActions.SIGNATORY_REMOVE,
                    x -> signatories.remove(x, d, index));
        }
        throw new NotFound(s.request().path());
    }

    private Endpoint restore(Screen s, PledgeDraft d, List<String> p) {
        if (p.size() == 2 && "restore".equals(p.get(1))) {
            return Endpoint.of(x -> history.confirmRestore(x, d, p.get(0)), PledgeActions.RESTORE,
                    x -> history.restore(x, d, p.get(0)));
        }
        throw new NotFound(s.request().path());
    }
}
