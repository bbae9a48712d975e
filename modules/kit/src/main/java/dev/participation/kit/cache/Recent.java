package dev.participation.kit.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The results of a pure function for its most recently used inputs, at most a fixed number of
 * them. Only for values that the key alone decides, so a kept value is right on every node.
 *
 * @param <K> what decides the value (a record, compared by its parts)
 * @param <V> the value
 */
public final class Recent<K, V> {

    private final Map<K, V> kept;

    public Recent(int most) {
        if (most < 1) {
            throw new IllegalArgumentException("keeps at least one value: " + most);
        }
        this.kept = new LinkedHashMap<>(Math.min(most, 64), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        };
    }

    /** The value kept for the key, or the one {@code compute} makes, which is then kept. */
    public V get(K key, Supplier<V> compute) {
        synchronized (kept) {
            V known = kept.get(key);
            if (known != null) {
                return known;
            }
        }
        // Computed outside the lock: two callers may both compute a new key once, which is harmless.
        V value = compute.get();
        synchronized (kept) {
            kept.put(key, value);
        }
        return value;
    }
}
