package dev.participation.host.internal.intranet;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.participation.api.widget.StaffAction;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The staff actions widget bundles contribute, by the page they belong to and their name. */
@Component(service = StaffActionRegistry.class)
public final class StaffActionRegistry {

    private record Name(String page, String action) {
    }

    private final Map<Name, StaffAction> actions = new ConcurrentHashMap<>();
    private final Map<StaffAction, Name> names = new ConcurrentHashMap<>();

    @Reference(service = StaffAction.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bind(StaffAction action, Map<String, Object> properties) {
        Object page = properties.get(StaffAction.PAGE);
        Object name = properties.get(StaffAction.NAME);
        if (page != null && name != null) {
            add(page.toString(), name.toString(), action);
        }
    }

    void unbind(StaffAction action) {
        Name name = names.remove(action);
        if (name != null) {
            actions.remove(name, action);
        }
    }

    public void add(String page, String name, StaffAction action) {
        Name key = new Name(page, name);
        actions.put(key, action);
        names.put(action, key);
    }

    public Optional<StaffAction> find(String page, String name) {
        return Optional.ofNullable(actions.get(new Name(page, name)));
    }
}
