package dev.participation.rest.internal.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.framework.Constants;
import org.osgi.service.log.Logger;

/**
 * Services bound dynamically and looked up by a key they report themselves (a resource's name, a
 * widget's type key). When two services claim the same key the one with the higher
 * {@code service.ranking} (then the older one) wins, as the OSGi registry itself would choose, and
 * the clash is logged so an administrator can see why a widget bundle's API is missing.
 *
 * <p>Binding happens on SCR's threads while requests read on the server's threads: writers
 * synchronise and publish an immutable snapshot that readers take without locking.
 */
final class RankedServices<S> {

    private record Entry<S>(S service, String key, int ranking, long id) {
    }

    private static final Comparator<Entry<?>> PRECEDENCE = Comparator.<Entry<?>>comparingInt(Entry::ranking)
            .reversed()
            .thenComparingLong(Entry::id);

    private final String what;
    private final Function<S, String> keyOf;
    private final Logger logger;
    private final List<Entry<S>> entries = new ArrayList<>();
    private volatile Map<String, S> snapshot = Map.of();

    RankedServices(String what, Function<S, String> keyOf, Logger logger) {
        this.what = what;
        this.keyOf = keyOf;
        this.logger = logger;
    }

    /**
     * Adds a service. A service whose key cannot be read (it throws) is left out and logged: one
     * broken widget bundle must not take the API down with it.
     */
    void add(S service, Map<String, ?> properties) {
        String key;
        try {
            key = keyOf.apply(service);
        } catch (RuntimeException e) {
            logger.error("Ignoring a {} that fails to report its key: {}", what, service, e);
            return;
        }
        if (key == null) {
            logger.error("Ignoring a {} without a key: {}", what, service);
            return;
        }
        synchronized (entries) {
            if (entries.stream().anyMatch(e -> e.key().equals(key))) {
                logger.warn("Two services claim the {} key '{}'; the higher ranked (then older) one is used", what,
                        key);
            }
            entries.add(new Entry<>(service, key, ranking(properties), serviceId(properties)));
            entries.sort(PRECEDENCE);
            publish();
        }
    }

    void remove(S service) {
        synchronized (entries) {
            if (entries.removeIf(e -> e.service() == service)) {
                publish();
            }
        }
    }

    Optional<S> get(String key) {
        return Optional.ofNullable(snapshot.get(key));
    }

    /** Key to service, winners only, in key order. */
    Map<String, S> all() {
        return snapshot;
    }

    private void publish() {
        Map<String, S> winners = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(Entry<S>::key)).forEach(e -> {
            // entries is sorted by precedence and the stable sort by key keeps that order per key.
            winners.putIfAbsent(e.key(), e.service());
        });
        snapshot = Collections.unmodifiableMap(winners);
    }

    private static int ranking(Map<String, ?> properties) {
        return properties != null && properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties != null && properties.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
    }
}
