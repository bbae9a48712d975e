package dev.participation.liferay;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What SCR says about every component, read from its {@code ServiceComponentRuntime} DTOs. SCR's
 * API lives inside the framework (Liferay's system bundle does not export it), so the DTOs are read
 * by their public fields.
 */
final class Components {

    private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String DESCRIPTION = "org.osgi.service.component.runtime.dto.ComponentDescriptionDTO";
    private static final int SATISFIED = 4;
    private static final int ACTIVE = 8;

    private Components() {
    }

    /**
     * One line per component that is neither satisfied nor active, with its unsatisfied references,
     * leaving out components that wait only for a configuration whose PID {@code documented} accepts.
     */
    static List<String> problems(LiferayFramework framework, Predicate<String> documented) {
        List<String> problems = new ArrayList<>();
        List<ServiceReference<?>> runtimes = framework.services(RUNTIME);
        if (runtimes.isEmpty()) {
            return List.of("SCR registered no ServiceComponentRuntime");
        }
        ServiceReference<?> runtime = runtimes.get(0);
        try {
            Object scr = framework.context().getService(runtime);
            Collection<?> descriptions = (Collection<?>) framework.call(runtime, RUNTIME, scr, "getComponentDescriptionDTOs",
                    new Class<?>[] {Bundle[].class}, (Object) new Bundle[0]);
            Class<?> descriptionType = runtime.getBundle().loadClass(DESCRIPTION);
            for (Object description : descriptions) {
                String name = field(description, "name") + " (" + field(field(description, "bundle"), "symbolicName") + ")";
                Collection<?> configurations = (Collection<?>) framework.call(runtime, RUNTIME, scr,
                        "getComponentConfigurationDTOs", new Class<?>[] {descriptionType}, description);
                if (configurations.isEmpty()) {
                    boolean waitsForConfiguration = "require".equals(field(description, "configurationPolicy"));
                    String pids = String.join(", ", (String[]) field(description, "configurationPid"));
                    if (!waitsForConfiguration) {
                        problems.add(name + " is not enabled");
                    } else if (!documented.test(pids)) {
                        problems.add(name + " waits for a configuration (" + pids + ") the README does not describe");
                    }
                    continue;
                }
                for (Object configuration : configurations) {
                    int state = (Integer) field(configuration, "state");
                    if (state != SATISFIED && state != ACTIVE) {
                        problems.add(name + " is " + stateName(state) + unsatisfied(description, configuration));
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read SCR's component DTOs: " + e, e);
        } finally {
            framework.context().ungetService(runtime);
        }
        return problems;
    }

    private static String unsatisfied(Object description, Object configuration) throws ReflectiveOperationException {
        StringBuilder text = new StringBuilder();
        Object references = field(configuration, "unsatisfiedReferences");
        for (int i = 0; i < Array.getLength(references); i++) {
            Object reference = Array.get(references, i);
            String referenceName = (String) field(reference, "name");
            text.append("; reference ").append(referenceName).append(" to ").append(interfaceOf(description, referenceName));
            Object target = field(reference, "target");
            if (target != null) {
                text.append(" ").append(target);
            }
        }
        Object failure = field(configuration, "failure");
        if (failure != null) {
            text.append("; ").append(failure);
        }
        return text.toString();
    }

    private static String interfaceOf(Object description, String referenceName) throws ReflectiveOperationException {
        Object references = field(description, "references");
        for (int i = 0; i < Array.getLength(references); i++) {
            Object reference = Array.get(references, i);
            if (referenceName.equals(field(reference, "name"))) {
                return (String) field(reference, "interfaceName");
            }
        }
        return "?";
    }

    private static String stateName(int state) {
        return switch (state) {
            case 1 -> "waiting for its configuration";
            case 2 -> "unsatisfied";
            case 16 -> "failing to activate";
            default -> "in state " + state;
        };
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        try {
            return dto.getClass().getField(name).get(dto);
        } catch (NoSuchFieldException e) {
            // "failure" is DS 1.4's; an older runtime has no such field.
            return null;
        }
    }
}
