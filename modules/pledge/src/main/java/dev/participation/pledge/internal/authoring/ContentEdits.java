package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.kit.staff.Keys;
import dev.participation.kit.staff.Moves;

/**
 * Builds the whole new content of a draft from the current one and one change, so every save
 * hands the service a complete pledge.
 */
final class ContentEdits {

    private ContentEdits() {
    }

    static PledgeContent details(PledgeContent c, String title, Audience audience, String introduction,
            String easyReadIntroduction) {
        return new PledgeContent(title, audience, introduction, easyReadIntroduction, c.principles(), c.signatories());
    }

    static int indexOf(PledgeContent c, String principleKey) {
        for (int i = 0; i < c.principles().size(); i++) {
            if (c.principles().get(i).key().equals(principleKey)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(Principle p, String commitmentKey) {
        for (int i = 0; i < p.commitments().size(); i++) {
            if (p.commitments().get(i).key().equals(commitmentKey)) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces the principle with the same key, or adds it at the end. */
    static PledgeContent putPrinciple(PledgeContent c, Principle principle) {
        List<Principle> list = new ArrayList<>(c.principles());
        int i = indexOf(c, principle.key());
        if (i < 0) {
            list.add(principle);
        } else {
            list.set(i, principle);
        }
        return withPrinciples(c, list);
    }

    static PledgeContent removePrinciple(PledgeContent c, String key) {
        List<Principle> list = new ArrayList<>(c.principles());
        list.removeIf(p -> p.key().equals(key));
        return withPrinciples(c, list);
    }

    /** Moves a principle one place up ({@code -1}) or down ({@code +1}); at an end nothing moves. */
    static PledgeContent movePrinciple(PledgeContent c, String key, int by) {
        return withPrinciples(c, move(c.principles(), indexOf(c, key), by));
    }

    static PledgeContent editPrinciple(PledgeContent c, String key, UnaryOperator<Principle> change) {
        int i = indexOf(c, key);
        return i < 0 ? c : putPrinciple(c, change.apply(c.principles().get(i)));
    }

    static Principle principleText(Principle p, String title, String promise, String easyReadPromise, String imageUrl,
            String imageAlt) {
        return new Principle(p.key(), title, promise, easyReadPromise, imageUrl, imageAlt, p.commitments());
    }

    static Principle putCommitment(Principle p, Commitment commitment) {
        List<Commitment> list = new ArrayList<>(p.commitments());
        int i = indexOf(p, commitment.key());
        if (i < 0) {
            list.add(commitment);
        } else {
            list.set(i, commitment);
        }
        return withCommitments(p, list);
    }

    static Principle removeCommitment(Principle p, String key) {
        List<Commitment> list = new ArrayList<>(p.commitments());
        list.removeIf(c -> c.key().equals(key));
        return withCommitments(p, list);
    }

    static Principle moveCommitment(Principle p, String key, int by) {
        return withCommitments(p, move(p.commitments(), indexOf(p, key), by));
    }

    /** Replaces the signatory at {@code index}, or adds one at the end when the index is -1. */
    static PledgeContent putSignatory(PledgeContent c, int index, Signatory signatory) {
        List<Signatory> list = new ArrayList<>(c.signatories());
        if (index < 0) {
            list.add(signatory);
        } else {
            list.set(index, signatory);
        }
        return new PledgeContent(c.title(), c.audience(), c.introduction(), c.easyReadIntroduction(), c.principles(),
                list);
    }

    static PledgeContent removeSignatory(PledgeContent c, int index) {
        List<Signatory> list = new ArrayList<>(c.signatories());
        list.remove(index);
        return new PledgeContent(c.title(), c.audience(), c.introduction(), c.easyReadIntroduction(), c.principles(),
                list);
    }

    /** Every principle and commitment key in use, so a new one is never a repeat. */
    static Set<String> keys(PledgeContent c) {
        Set<String> keys = new HashSet<>();
        for (Principle p : c.principles()) {
            keys.add(p.key());
            p.commitments().forEach(cm -> keys.add(cm.key()));
        }
        return keys;
    }

    static String freshKey(PledgeContent c) {
        Collection<String> taken = keys(c);
        // "new" is a path of its own below principles/ and commitments/.
        taken.add("new");
        return Keys.fresh(taken);
    }

    private static PledgeContent withPrinciples(PledgeContent c, List<Principle> principles) {
        return new PledgeContent(c.title(), c.audience(), c.introduction(), c.easyReadIntroduction(), principles,
                c.signatories());
    }

    private static Principle withCommitments(Principle p, List<Commitment> commitments) {
        return new Principle(p.key(), p.title(), p.promise(), p.easyReadPromise(), p.imageUrl(), p.imageAlt(),
                commitments);
    }

    private static <T> List<T> move(List<T> items, int from, int by) {
        List<T> list = new ArrayList<>(items);
        int to = from + by;
        if (from >= 0 && to >= 0 && to < list.size()) {
            list.add(to, list.remove(from));
        }
        return list;
    }
}
