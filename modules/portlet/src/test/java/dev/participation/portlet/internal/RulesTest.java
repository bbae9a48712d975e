package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import dev.participation.api.widget.Roles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/web/guest/pledge?x=1", "https://council.example/web/guest/pledge",
        "http://COUNCIL.example/web/guest", "https://council.example:443/web"})
    void redirectsStayOnThePortal(String location) {
        assertThat(SameSite.allows(location, "council.example", 443)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "/\t/evil.example",
        "javascript:alert(1)", "https://council.example.evil.example/", "https://council.example@evil.example/",
        "https://council.example:8443/", "pledge", ""})
    void redirectsElsewhereAreRefused(String location) {
        assertThat(SameSite.allows(location, "council.example", 443)).isFalse();
    }

    @Test
    void portalRolesMapOntoTheSpiRoles() {
        RoleMapping mapping = new RoleMapping(RoleMapping.names(new String[] {"Participation Staff"}),
                RoleMapping.names(new String[] {"Participation Editor, Site Administrator"}),
                RoleMapping.names(new String[] {"Administrator"}));
        assertThat(mapping.rolesOf(Set.of("Site Administrator")::contains)).containsExactly(Roles.EDITOR);
        assertThat(mapping.rolesOf(Set.of("Administrator", "Participation Staff")::contains))
                .containsExactlyInAnyOrder(Roles.STAFF, Roles.ADMIN);
        assertThat(mapping.rolesOf(Set.of("Power User")::contains)).isEmpty();
    }

    @Test
    void onlyPlainAssetPathsOfKnownTypesAreServed() {
        assertThat(AssetPaths.contentType("img/logo.svg")).contains("image/svg+xml");
        assertThat(AssetPaths.contentType("a/..b.css")).isEmpty();
        assertThat(AssetPaths.contentType("css//x.css")).isEmpty();
        assertThat(AssetPaths.contentType("OSGI-INF/x.xml")).isEmpty();
        assertThat(AssetPaths.contentType("noextension")).isEmpty();
    }
}
