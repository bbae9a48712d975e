package dev.participation.health.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Reads the state of every bundle and every DS component, and judges which are healthy. */
final class RuntimeInventory {

    record BundleState(long id, String symbolicName, String version, String state, boolean healthy) {
    }

    record ComponentState(String name, String bundle, String state, List<String> unsatisfiedReferences,
            boolean healthy) {
    }

    private RuntimeInventory() {
    }

    static List<BundleState> bundles(Bundle[] bundles) {
        List<BundleState> states = new ArrayList<>();
        for (Bundle b : bundles) {
            // A fragment never starts: resolved is as far as it goes, and that is healthy.
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            boolean healthy = b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED);
            states.add(new BundleState(b.getBundleId(), String.valueOf(b.getSymbolicName()),
                    b.getVersion().toString(), bundleState(b.getState()), healthy));
        }
        return states;
    }

    static List<ComponentState> components(ServiceComponentRuntime scr) {
        List<ComponentState> states = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            String bundle = d.bundle == null ? "" : d.bundle.symbolicName;
            if (!scr.isComponentEnabled(d)) {
                // Disabled on purpose (by configuration or code), so not a fault.
                states.add(new ComponentState(d.name, bundle, "disabled", List.of(), true));
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty()) {
                // A component that requires configuration waits, correctly, until it is given
                // some (an optional account, say); anything else without a configuration is stuck.
                boolean waits = "require".equals(d.configurationPolicy);
                states.add(new ComponentState(d.name, bundle, waits ? "waiting for configuration" : "not created",
                        List.of(), waits));
                continue;
            }
            for (ComponentConfigurationDTO c : configurations) {
                List<String> missing = c.unsatisfiedReferences == null ? List.of()
                        : Arrays.stream(c.unsatisfiedReferences).map(RuntimeInventory::describe).toList();
                boolean healthy = c.state == ComponentConfigurationDTO.SATISFIED
                        || c.state == ComponentConfigurationDTO.ACTIVE;
                states.add(new ComponentState(d.name, bundle, componentState(c.state), missing, healthy));
            }
        }
        return states;
    }

    private static String describe(UnsatisfiedReferenceDTO r) {
        return r.name + (r.target == null ? "" : " " + r.target);
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied reference";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "unknown";
        };
    }
}
