package dev.participation.pledge.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.participation.pledge.api.PledgeContent;

/**
 * Parsed content of published versions. A published version never changes once written, so a
 * copy keyed by pledge and version number is always right, on every node, and spares parsing the
 * same JSON for every visitor.
 */
final class PublishedContents {

    private static final int MOST = 256;

    private record Key(long pledgeId, int version) {
    }

    private final Map<Key, PledgeContent> parsed = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PledgeContent> eldest) {
            return size() > MOST;
        }
    };

    PledgeContent get(long pledgeId, int version, Supplier<PledgeContent> parse) {
        Key key = new Key(pledgeId, version);
        synchronized (parsed) {
            PledgeContent known = parsed.get(key);
            if (known != null) {
                return known;
            }
        }
        // Parsed outside the lock: two callers may both parse a new version once, which is harmless.
        PledgeContent content = parse.get();
        synchronized (parsed) {
            parsed.put(key, content);
        }
        return content;
    }
}
