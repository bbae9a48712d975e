package dev.participation.pledge.internal.store;

import java.util.function.Supplier;

import dev.participation.pledge.api.PledgeContent;
import dev.participation.kit.cache.Recent;

/**
 * Parsed content of published versions. A published version never changes once written, so a
 * copy keyed by pledge and version number is always right, on every node, and spares parsing the
 * same JSON for every visitor.
 */
final class PublishedContents {

    private static final int MOST = 256;

    private record Key(long pledgeId, int version) {
    }

    private final Recent<Key, PledgeContent> parsed = new Recent<>(MOST);

    PledgeContent get(long pledgeId, int version, Supplier<PledgeContent> parse) {
        return parsed.get(new Key(pledgeId, version), parse);
    }
}
