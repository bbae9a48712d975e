package dev.participation.health.internal;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Critical while any bundle is not active (fragments: not resolved). */
@Component(property = {HealthCheck.NAME + "=Bundles active", HealthCheck.TAGS + "=participation"})
public final class BundlesActiveCheck implements HealthCheck {

    private final BundleContext context;

    @Activate
    public BundlesActiveCheck(BundleContext context) {
        this.context = context;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        int count = 0;
        for (RuntimeInventory.BundleState b : RuntimeInventory.bundles(context.getBundles())) {
            count++;
            if (!b.healthy()) {
                log.critical("Bundle {} {} is {}", b.symbolicName(), b.version(), b.state());
            }
        }
        log.info("{} bundles checked", count);
        return new Result(log);
    }
}
