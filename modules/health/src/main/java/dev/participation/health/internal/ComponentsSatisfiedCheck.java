package dev.participation.health.internal;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** Critical while any enabled DS component is unsatisfied or failed to activate. */
@Component(property = {HealthCheck.NAME + "=Components satisfied", HealthCheck.TAGS + "=participation"})
public final class ComponentsSatisfiedCheck implements HealthCheck {

    private final ServiceComponentRuntime scr;

    @Activate
    public ComponentsSatisfiedCheck(@Reference ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        int count = 0;
        for (RuntimeInventory.ComponentState c : RuntimeInventory.components(scr)) {
            count++;
            if (!c.healthy()) {
                log.critical("Component {} ({}) is {} {}", c.name(), c.bundle(), c.state(), c.unsatisfiedReferences());
            }
        }
        log.info("{} components checked", count);
        return new Result(log);
    }
}
