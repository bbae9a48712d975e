package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.portlet.PortletMode;

import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;

import org.junit.jupiter.api.Test;

/** People and roles as Liferay gives them: regular roles only, and only the full name for sure. */
class PortalPeopleTest {

    private final Portal portal;

    PortalPeopleTest() throws Exception {
        portal = new Portal();
        portal.user = "20123";
    }

    private Person person(RoleMapping roles) throws Exception {
        return PortalPeople.of(portal.render(PortletMode.VIEW, Map.of()).request(), roles).orElseThrow();
    }

    @Test
    void theNameIsTheFullNameLiferayGuaranteesThenGivenAndFamilyThenTheUserId() throws Exception {
        RoleMapping roles = RoleMapping.of(Configs.adapter());
        portal.userInfo = Map.of(PortalPeople.FULL_NAME, "Edith Evans", "user.name.given", "Edie",
                "user.name.family", "E.");
        assertThat(person(roles).displayName()).isEqualTo("Edith Evans");

        portal.userInfo = Map.of("user.name.given", "Sam", "user.name.family", "Jones");
        assertThat(person(roles).displayName()).isEqualTo("Sam Jones");

        portal.userInfo = Map.of(PortalPeople.FULL_NAME, "  ");
        Person unnamed = person(roles);
        assertThat(unnamed.displayName()).isEqualTo("20123");
        assertThat(unnamed.id()).as("the audit log's actor").isEqualTo("20123");
    }

    @Test
    void aGuestIsNoOne() throws Exception {
        portal.user = null;
        assertThat(PortalPeople.of(portal.render().request(), RoleMapping.of(Configs.adapter()))).isEmpty();
    }

    @Test
    void theDefaultsAskThePortalAboutRegularRolesOnly() throws Exception {
        RoleMapping defaults = RoleMapping.of(Configs.adapter());
        List<String> asked = new ArrayList<>();
        Set<String> held = Set.of("Participation Editor");
        Set<String> roles = defaults.rolesOf(name -> {
            asked.add(name);
            return held.contains(name);
        });
        assertThat(roles).containsExactly(Roles.EDITOR);
        assertThat(asked).containsExactlyInAnyOrder("Participation Staff", "Participation Editor", "Administrator");
    }

    @Test
    void aSiteRoleConfiguredByMistakeCostsThatRoleNotThePage() {
        RoleMapping mapping = new RoleMapping(Set.of("Participation Staff"), Set.of("Site Administrator",
                "Participation Editor"), Set.of("Administrator"));
        Set<String> roles = mapping.rolesOf(name -> {
            if (name.equals("Site Administrator")) {
                // What Liferay's RoleLocalServiceImpl does for a role that is not regular.
                throw new IllegalArgumentException("No regular role named " + name);
            }
            return name.equals("Participation Staff") || name.equals("Participation Editor");
        });
        assertThat(roles).containsExactlyInAnyOrder(Roles.STAFF, Roles.EDITOR);
    }
}
