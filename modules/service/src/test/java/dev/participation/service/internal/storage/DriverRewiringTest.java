package dev.participation.service.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** A Liferay administrator who deployed the PostgreSQL driver before the JDBC service package still gets a database. */
class DriverRewiringTest {

    private static final String JDBC_IMPORT = "(&(osgi.wiring.package=org.osgi.service.jdbc)(version>=1.0.0)(!(version>=2.0.0)))";

    private final BundleContext context = mock(BundleContext.class);
    private final FrameworkWiring framework = mock(FrameworkWiring.class);

    @BeforeEach
    void systemBundle() {
        Bundle system = mock(Bundle.class);
        when(system.adapt(FrameworkWiring.class)).thenReturn(framework);
        when(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)).thenReturn(system);
    }

    @Test
    void aDriverThatResolvedBeforeTheJdbcServicePackageIsRefreshed() {
        Bundle driver = bundle("org.postgresql", List.of(JDBC_IMPORT), false);
        when(context.getBundles()).thenReturn(new Bundle[] {driver});

        assertThat(DriverRewiring.refreshUnwired(context, "org.postgresql")).containsExactly(driver);
        verify(framework).refreshBundles(List.of(driver));
    }

    @Test
    void aDriverAlreadyWiredToTheJdbcServicePackageIsLeftRunning() {
        Bundle driver = bundle("org.postgresql", List.of(JDBC_IMPORT), true);
        when(context.getBundles()).thenReturn(new Bundle[] {driver});

        assertThat(DriverRewiring.refreshUnwired(context, "org.postgresql")).isEmpty();
        verify(framework, never()).refreshBundles(any());
    }

    @Test
    void otherBundlesWithoutTheJdbcServicePackageAreLeftRunning() {
        Bundle otherDriver = bundle("org.h2", List.of(JDBC_IMPORT), false);
        Bundle notADriver = bundle("org.example", List.of(), false);
        Bundle unresolved = mock(Bundle.class);
        when(context.getBundles()).thenReturn(new Bundle[] {otherDriver, notADriver, unresolved});

        assertThat(DriverRewiring.refreshUnwired(context, "org.postgresql")).isEmpty();
        verify(framework, never()).refreshBundles(any());
    }

    private static Bundle bundle(String exportedPackage, List<String> importFilters, boolean wiredToJdbcService) {
        BundleCapability export = mock(BundleCapability.class);
        when(export.getAttributes()).thenReturn(Map.of(PackageNamespace.PACKAGE_NAMESPACE, exportedPackage));
        List<BundleRequirement> imports = importFilters.stream().map(filter -> {
            BundleRequirement requirement = mock(BundleRequirement.class);
            when(requirement.getDirectives()).thenReturn(Map.of(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, filter));
            return requirement;
        }).toList();
        BundleRevision revision = mock(BundleRevision.class);
        when(revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)).thenReturn(imports);
        List<BundleWire> wires = List.of();
        if (wiredToJdbcService) {
            BundleCapability jdbcExport = mock(BundleCapability.class);
            when(jdbcExport.getAttributes()).thenReturn(Map.of(PackageNamespace.PACKAGE_NAMESPACE, DriverRewiring.JDBC_SERVICE_PACKAGE));
            BundleWire wire = mock(BundleWire.class);
            when(wire.getCapability()).thenReturn(jdbcExport);
            wires = List.of(wire);
        }
        BundleWiring wiring = mock(BundleWiring.class);
        when(wiring.isCurrent()).thenReturn(true);
        when(wiring.getRevision()).thenReturn(revision);
        when(wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)).thenReturn(List.of(export));
        when(wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)).thenReturn(wires);
        Bundle bundle = mock(Bundle.class);
        when(bundle.adapt(BundleWiring.class)).thenReturn(wiring);
        return bundle;
    }
}
