package dev.participation.host.internal.intranet;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.participation.api.widget.StaffPage;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The staff pages widget bundles contribute, as they come and go. */
@Component(service = StaffPageRegistry.class)
public final class StaffPageRegistry {

    /** Keys of the intranet's own pages, which no contributed page may take. */
    static final List<String> BUILT_IN = List.of("audit", "accounts");

    public record Registered(StaffPage page, Bundle bundle) {
    }

    private final Map<StaffPage, Registered> pages = new ConcurrentHashMap<>();

    @Reference(service = StaffPage.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bind(StaffPage page, ServiceReference<StaffPage> reference) {
        add(page, reference.getBundle());
    }

    void unbind(StaffPage page) {
        pages.remove(page);
    }

    public void add(StaffPage page, Bundle bundle) {
        pages.put(page, new Registered(page, bundle));
    }

    public Optional<Registered> find(String key) {
        if (BUILT_IN.contains(key)) {
            return Optional.empty();
        }
        return pages.values().stream().filter(r -> r.page().key().equals(key)).findFirst();
    }

    public List<Registered> all() {
        return pages.values().stream().filter(r -> !BUILT_IN.contains(r.page().key()))
                .sorted(Comparator.comparing(r -> r.page().key())).toList();
    }
}
