package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The product's bundles resolve and start, and every component they declare comes up. */
class RuntimeTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ServiceComponentRuntime scr;

    @Test
    void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                notActive.add(b.getSymbolicName() + " " + b.getState());
            }
        }
        assertThat(notActive).isEmpty();
        assertThat(context.getBundles()).extracting(Bundle::getSymbolicName)
                .contains("participation-api", "participation-kit", "participation-service", "participation-host",
                        "participation-rest", "participation-health", "participation-portlet");
    }

    @Test
    void everyProductComponentIsSatisfied() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.bundle.symbolicName.startsWith("participation-")) {
                continue;
            }
            if (scr.getComponentConfigurationDTOs(d).isEmpty() && "require".equals(d.configurationPolicy)) {
                continue; // waits, as designed, for configuration that this runtime does not give
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                checked++;
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(d.name + " state " + c.state);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(10);
    }
}
