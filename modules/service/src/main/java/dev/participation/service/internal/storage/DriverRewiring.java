package dev.participation.service.internal.storage;

import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Gets a JDBC driver bundle that resolved before the JDBC service package was deployed to register
 * its {@code DataSourceFactory}.
 *
 * <p>The PostgreSQL and H2 drivers import {@code org.osgi.service.jdbc} optionally and register
 * their factory only if that import was wired when they resolved. In Liferay an administrator
 * deploys the driver and the bundle that exports the package (Aries' JDBC provider) in whatever
 * order they like, and a driver that came first stays without its factory until it is refreshed,
 * so the portal would wait for a database forever. This bundle imports the package itself, so
 * while it runs the package is there and a refresh wires the driver to it.
 */
final class DriverRewiring {

    static final String JDBC_SERVICE_PACKAGE = "org.osgi.service.jdbc";
    private static final System.Logger LOG = System.getLogger(DriverRewiring.class.getName());

    private DriverRewiring() {
    }

    /** Refreshes the bundles that export {@code driverPackage} but resolved without the JDBC service package. */
    static List<Bundle> refreshUnwired(BundleContext context, String driverPackage) {
        List<Bundle> unwired = Stream.of(context.getBundles())
                .filter(bundle -> resolvedWithoutJdbcService(bundle, driverPackage))
                .toList();
        if (!unwired.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Refreshing {0}: it resolved before {1} was deployed, so it"
                    + " registered no DataSourceFactory", unwired, JDBC_SERVICE_PACKAGE);
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(unwired);
        }
        return unwired;
    }

    private static boolean resolvedWithoutJdbcService(Bundle bundle, String driverPackage) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || !wiring.isCurrent()) {
            return false;
        }
        boolean exportsDriver = wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(export -> driverPackage.equals(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
        boolean importsJdbcService = wiring.getRevision().getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(requirement -> String.valueOf(requirement.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE))
                        .contains("(" + PackageNamespace.PACKAGE_NAMESPACE + "=" + JDBC_SERVICE_PACKAGE + ")"));
        boolean wiredToJdbcService = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> JDBC_SERVICE_PACKAGE.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
        return exportsDriver && importsJdbcService && !wiredToJdbcService;
    }
}
