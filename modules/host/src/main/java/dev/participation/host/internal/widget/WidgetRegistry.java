package dev.participation.host.internal.widget;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.participation.api.widget.Widget;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The widget types that are running now. Widgets come and go with their bundles; pages look them
 * up on every request, so a stopped bundle's widgets disappear at once and come back with it.
 */
@Component(service = WidgetRegistry.class)
public final class WidgetRegistry {

    /**
     * Service property a widget sets to {@code false} when it is only placed on other pages and
     * needs no page of its own (the host's Introduction).
     */
    public static final String OWN_PAGE = "participation.page";

    /** First path segments the host itself uses, which no widget page may take. */
    public static final Set<String> RESERVED = Set.of("home", "intranet", "assets", "sign-in", "sign-out",
            "widgets", "configure", "health", "api");

    // Guarded by itself; binding happens on SCR's threads while pages read on the server's.
    private final Map<Widget, RegisteredWidget> widgets = new HashMap<>();
    // What pages read on every request, rebuilt when a widget comes or goes: the best-ranked
    // widget of each key, by key.
    private volatile Map<String, RegisteredWidget> byKey = Map.of();

    @Reference(service = Widget.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bind(Widget widget, ServiceReference<Widget> reference) {
        add(widget, reference.getBundle(), !Boolean.FALSE.toString().equals(String.valueOf(reference.getProperty(OWN_PAGE))),
                reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0);
    }

    void unbind(Widget widget) {
        synchronized (widgets) {
            widgets.remove(widget);
            publish();
        }
    }

    /**
     * Registers a widget directly; the DS bind method and tests use it. Its type is read here,
     * once, since the SPI promises it never changes.
     */
    public void add(Widget widget, Bundle bundle, boolean ownPage, int ranking) {
        RegisteredWidget registered = new RegisteredWidget(widget, widget.type(), bundle, ownPage, ranking);
        synchronized (widgets) {
            widgets.put(widget, registered);
            publish();
        }
    }

    private void publish() {
        Map<String, RegisteredWidget> best = new TreeMap<>();
        for (RegisteredWidget w : widgets.values()) {
            best.merge(w.key(), w, (a, b) -> b.ranking() > a.ranking() ? b : a);
        }
        byKey = Collections.unmodifiableMap(best);
    }

    public Optional<RegisteredWidget> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Every running type, one per key, by key. */
    public List<RegisteredWidget> all() {
        return List.copyOf(byKey.values());
    }

    /** The types with a public page of their own, by key. */
    public List<RegisteredWidget> pages() {
        return all().stream().filter(w -> w.ownPage() && !RESERVED.contains(w.key())).toList();
    }

    public Optional<RegisteredWidget> page(String key) {
        return find(key).filter(w -> w.ownPage() && !RESERVED.contains(w.key()));
    }
}
