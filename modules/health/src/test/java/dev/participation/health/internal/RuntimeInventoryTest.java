package dev.participation.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Hashtable;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class RuntimeInventoryTest {

    @Test
    void anInstalledBundleIsCriticalButAResolvedFragmentIsNot() {
        BundleContext context = mock(BundleContext.class);
        Bundle[] bundles = {
            bundle(1, "participation-host", Bundle.ACTIVE, false),
            bundle(2, "slf4j-simple", Bundle.RESOLVED, true),
            bundle(3, "participation-service", Bundle.INSTALLED, false)};
        when(context.getBundles()).thenReturn(bundles);

        Result result = new BundlesActiveCheck(context).execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("participation-service").doesNotContain("slf4j-simple is");
    }

    @Test
    void allActiveBundlesAreOk() {
        BundleContext context = mock(BundleContext.class);
        Bundle[] bundles = {bundle(1, "participation-host", Bundle.ACTIVE, false)};
        when(context.getBundles()).thenReturn(bundles);
        assertThat(new BundlesActiveCheck(context).execute().isOk()).isTrue();
    }

    @Test
    void anUnsatisfiedReferenceIsCriticalAndNamed() {
        ServiceComponentRuntime scr = mock(ServiceComponentRuntime.class);
        ComponentDescriptionDTO pages = description("PageServlet", "optional");
        ComponentDescriptionDTO account = description("ConfiguredAccount", "require");
        when(scr.getComponentDescriptionDTOs()).thenReturn(List.of(pages, account));
        when(scr.isComponentEnabled(pages)).thenReturn(true);
        when(scr.isComponentEnabled(account)).thenReturn(true);
        ComponentConfigurationDTO stuck = new ComponentConfigurationDTO();
        stuck.state = ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
        UnsatisfiedReferenceDTO missing = new UnsatisfiedReferenceDTO();
        missing.name = "instances";
        stuck.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {missing};
        when(scr.getComponentConfigurationDTOs(pages)).thenReturn(List.of(stuck));
        when(scr.getComponentConfigurationDTOs(account)).thenReturn(List.of());

        List<RuntimeInventory.ComponentState> states = RuntimeInventory.components(scr);
        Result result = new ComponentsSatisfiedCheck(scr).execute();

        assertThat(states).extracting(RuntimeInventory.ComponentState::name, RuntimeInventory.ComponentState::healthy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PageServlet", false),
                        org.assertj.core.groups.Tuple.tuple("ConfiguredAccount", true));
        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("PageServlet").contains("instances");
    }

    private static ComponentDescriptionDTO description(String name, String policy) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.configurationPolicy = policy;
        return d;
    }

    private static Bundle bundle(long id, String name, int state, boolean fragment) {
        Bundle b = mock(Bundle.class);
        when(b.getBundleId()).thenReturn(id);
        when(b.getSymbolicName()).thenReturn(name);
        when(b.getVersion()).thenReturn(new Version(1, 0, 0));
        when(b.getState()).thenReturn(state);
        Hashtable<String, String> headers = new Hashtable<>();
        if (fragment) {
            headers.put("Fragment-Host", "slf4j.api");
        }
        when(b.getHeaders("")).thenReturn(headers);
        return b;
    }
}
