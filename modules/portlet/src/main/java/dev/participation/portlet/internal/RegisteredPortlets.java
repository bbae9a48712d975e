package dev.participation.portlet.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.portlet.Portlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The portlets a registrar keeps registered for services that come and go with their bundles
 * (widgets, staff pages): one portlet per portlet name, made for the best-ranked service with
 * that name, since two versions of a bundle may overlap during an update. DS may bind and unbind
 * services on several threads at once, so every change is made under this object's lock, which
 * keeps the bound services and the registered portlets in step.
 *
 * @param <S> the service type
 * @param <B> what the registrar keeps of a bound service
 */
final class RegisteredPortlets<S, B> {

    private final Function<B, String> name;
    private final BiFunction<ServiceReference<S>, B, Portlet> portlet;
    private final Function<B, Dictionary<String, ?>> properties;
    private final Map<ServiceReference<S>, B> bound = new LinkedHashMap<>();
    private final Map<String, Registered<S>> registered = new HashMap<>();
    private BundleContext context;

    private record Registered<S>(ServiceReference<S> service, ServiceRegistration<Portlet> registration) {
    }

    /**
     * @param name       the portlet name of a bound service
     * @param portlet    makes the portlet of a bound service
     * @param properties the portlet's service properties, read again by {@link #refreshProperties}
     */
    RegisteredPortlets(Function<B, String> name, BiFunction<ServiceReference<S>, B, Portlet> portlet,
            Function<B, Dictionary<String, ?>> properties) {
        this.name = name;
        this.portlet = portlet;
        this.properties = properties;
    }

    /** The registrar is active: the portlets of the services bound so far are registered with its context. */
    synchronized void activate(BundleContext bundleContext) {
        context = bundleContext;
        reconcile();
    }

    /** The registrar stops: its portlets go. */
    synchronized void deactivate() {
        registered.values().forEach(r -> unregister(r.registration()));
        registered.clear();
        context = null;
    }

    synchronized void bind(ServiceReference<S> reference, B service) {
        bound.put(reference, service);
        reconcile();
    }

    /** A bound service's properties changed (its ranking, say); a new one is bound as it is. */
    synchronized void rebind(ServiceReference<S> reference, Function<ServiceReference<S>, B> service) {
        bound.computeIfAbsent(reference, service);
        reconcile();
    }

    synchronized void unbind(ServiceReference<S> reference) {
        bound.remove(reference);
        reconcile();
    }

    /**
     * Makes the registered portlets match the bound services. Before activation there is no
     * context to register with; activation reconciles.
     */
    private void reconcile() {
        if (context == null) {
            return;
        }
        Map<String, ServiceReference<S>> wanted = new HashMap<>();
        for (Map.Entry<ServiceReference<S>, B> e : bound.entrySet()) {
            String portletName = name.apply(e.getValue());
            ServiceReference<S> best = wanted.get(portletName);
            if (best == null || e.getKey().compareTo(best) > 0) {
                wanted.put(portletName, e.getKey());
            }
        }
        for (String portletName : new ArrayList<>(registered.keySet())) {
            Registered<S> r = registered.get(portletName);
            if (!r.service().equals(wanted.get(portletName))) {
                registered.remove(portletName);
                unregister(r.registration());
            }
        }
        List<String> missing = new ArrayList<>(wanted.keySet());
        missing.removeAll(registered.keySet());
        for (String portletName : missing) {
            ServiceReference<S> reference = wanted.get(portletName);
            B service = bound.get(reference);
            registered.put(portletName, new Registered<>(reference, context.registerService(Portlet.class,
                    portlet.apply(reference, service), properties.apply(service))));
        }
    }

    /** Gives every registered portlet its properties again (after a configuration change). */
    synchronized void refreshProperties() {
        registered.values().forEach(r -> r.registration().setProperties(properties.apply(bound.get(r.service()))));
    }

    private static void unregister(ServiceRegistration<Portlet> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework withdrew it already, as it does when the adapter's bundle stops.
        }
    }
}
