package dev.participation.pledge.internal.authoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;

/**
 * The piece of a draft that one form changes (the details, one principle, one commitment, an
 * order, a signatory). A form carries the piece's fingerprint as it was drawn, its "basis"; when
 * the form comes back, the edit goes onto the draft as it is now if the piece still has that
 * fingerprint, so editors working on different pieces at once never hold each other up, and is
 * refused as a conflict if someone else changed or removed that same piece.
 */
final class Part {

    /** The basis of a piece that no longer exists. */
    static final String GONE = "gone";

    private final Function<PledgeContent, Optional<List<String>>> values;

    private Part(Function<PledgeContent, Optional<List<String>>> values) {
        this.values = values;
    }

    /** A piece that always exists and never changes: what an "add" form adds to. */
    static Part always() {
        return new Part(c -> Optional.of(List.of()));
    }

    static Part details() {
        return new Part(c -> Optional.of(List.of(c.title(), c.audience() == null ? "" : c.audience().key(),
                c.introduction(), c.easyReadIntroduction())));
    }

    /** A principle's own words and picture, not its commitments (they have forms of their own). */
    static Part principleText(String key) {
        return new Part(c -> c.principle(key).map(
                p -> List.of(p.title(), p.promise(), p.easyReadPromise(), p.imageUrl(), p.imageAlt())));
    }

    /** A principle with all its commitments: what removing it would throw away. */
    static Part wholePrinciple(String key) {
        return new Part(c -> c.principle(key).map(p -> {
            List<String> all = new ArrayList<>(
                    List.of(p.title(), p.promise(), p.easyReadPromise(), p.imageUrl(), p.imageAlt()));
            p.commitments().forEach(cm -> all.addAll(List.of(cm.key(), cm.text(), cm.easyReadText())));
            return all;
        }));
    }

    /** Only that the principle is there: what adding a commitment to it needs. */
    static Part principleExists(String key) {
        return new Part(c -> c.principle(key).map(p -> List.of(p.key())));
    }

    static Part principleOrder() {
        return new Part(c -> Optional.of(c.principles().stream().map(Principle::key).toList()));
    }

    static Part commitment(String principleKey, String key) {
        return new Part(c -> c.principle(principleKey)
                .flatMap(p -> p.commitments().stream().filter(cm -> cm.key().equals(key)).findFirst())
                .map(cm -> List.of(cm.text(), cm.easyReadText())));
    }

    static Part commitmentOrder(String principleKey) {
        return new Part(c -> c.principle(principleKey)
                .map(p -> p.commitments().stream().map(Commitment::key).toList()));
    }

    /** The signatory at a place in the list (signatories have no keys, so the place is their name). */
    static Part signatory(int index) {
        return new Part(c -> {
            if (index < 0 || index >= c.signatories().size()) {
                return Optional.empty();
            }
            Signatory s = c.signatories().get(index);
            return Optional.of(List.of(s.name(), s.role(), s.signedOn().toString()));
        });
    }

    boolean exists(PledgeContent content) {
        return values.apply(content).isPresent();
    }

    /** The piece's fingerprint in this content, or {@link #GONE}. */
    String basis(PledgeContent content) {
        return values.apply(content).map(Part::fingerprint).orElse(GONE);
    }

    private static String fingerprint(List<String> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : values) {
                // Length first, so ("a,b", "c") and ("a", "b,c") never share a fingerprint.
                digest.update((value.length() + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(value.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
