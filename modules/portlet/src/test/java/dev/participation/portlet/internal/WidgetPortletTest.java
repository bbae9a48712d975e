package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.portlet.CacheControl;
import javax.portlet.PortletMode;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.form.PreferenceForm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WidgetPortletTest {

    private static final ZoneId PORTAL_ZONE = ZoneId.of("Europe/London");

    private final TestWidget widget = new TestWidget("pledge");
    private final List<String> assetLookups = new ArrayList<>();
    private Path assetFolder;
    private final RoleMapping roles = new RoleMapping(Set.of("Participation Staff"),
            Set.of("Participation Editor", "Site Administrator"), Set.of("Administrator"));
    private final WidgetPortlet portlet = new WidgetPortlet(widget, widget.type(), () -> roles, PORTAL_ZONE, path -> {
        assetLookups.add(path);
        try {
            Path file = assetFolder.resolve(path);
            return Files.exists(file) ? file.toUri().toURL() : null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }, new PreferenceForm());
    private final Portal portal;

    WidgetPortletTest() throws Exception {
        portal = new Portal();
    }

    private Portal editor() {
        portal.user = "20123";
        portal.portalRoles = Set.of("Participation Editor");
        return portal;
    }

    @Test
    void viewPassesPreferencesWithDefaultsPersonRolesNamespaceAndLocaleAndWritesTheHtml() throws Exception {
        portal.stored.put("title", "Our voice");
        portal.stored.put("count", "99"); // out of range since the widget narrowed it
        portal.stored.put("stale", "left over from an old version");
        portal.user = "20123";
        portal.userInfo = Map.of("user.name.given", "Sam", "user.name.family", "Jones");
        portal.portalRoles = Set.of("Participation Staff", "Site Administrator");
        portal.locale = new Locale("cy", "GB");

        Portal.Render page = portal.render(PortletMode.VIEW, Map.of("tab", "principles"));
        portlet.render(page.request(), page.response());

        WidgetRequest seen = widget.renders.get(0);
        assertThat(seen.preferences().asMap())
                .containsExactly(Map.entry("title", "Our voice"), Map.entry("count", "3"), Map.entry("layout", "full"));
        assertThat(seen.person()).contains(new Person("20123", "Sam Jones", Set.of(Roles.STAFF, Roles.EDITOR)));
        assertThat(seen.namespace()).isEqualTo(Portal.NAMESPACE);
        assertThat(seen.locale()).isEqualTo(new Locale("cy", "GB"));
        assertThat(seen.instanceId()).isEqualTo("dev_participation_pledge_INSTANCE_a1");
        assertThat(seen.parameter("tab")).contains("principles");
        assertThat(seen.csrf().name()).isEqualTo(Portal.NAMESPACE + "pwCsrf");
        assertThat(seen.csrf().value()).hasSizeGreaterThan(30);
        assertThat(seen.links().view(Map.of("tab", "commitments"))).isEqualTo("render?mode=view&tab=commitments");
        assertThat(seen.links().action()).isEqualTo("action?mode=view");
        assertThat(seen.links().asset("css/pledge.css")).isEqualTo("resource?id=css/pledge.css");
        assertThat(page.html()).startsWith("<section class=\"pledge\">Our voice</section>");
        verify(page.response()).setTitle("Ein haddewid");
    }

    /** Stands in for Liferay's ThemeDisplay: all the adapter reads of it is its public getTimeZone(). */
    public static final class ThemeDisplay {
        private final java.util.TimeZone zone;

        public ThemeDisplay(String zone) {
            this.zone = java.util.TimeZone.getTimeZone(zone);
        }

        public java.util.TimeZone getTimeZone() {
            return zone;
        }
    }

    @Test
    void theWidgetIsToldTheUsersOwnTimeZoneWhereThePortalSaysIt() throws Exception {
        portal.user = "20123";
        portal.themeDisplay = new ThemeDisplay("America/New_York");

        Portal.Render page = portal.render(PortletMode.VIEW, Map.of());
        portlet.render(page.request(), page.response());

        assertThat(widget.renders.get(0).timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void withoutTheUsersTimeZoneTheWidgetIsToldThePortalsZone() throws Exception {
        portal.themeDisplay = "something else under that name";

        Portal.Render page = portal.render(PortletMode.VIEW, Map.of());
        portlet.render(page.request(), page.response());

        assertThat(widget.renders.get(0).timeZone()).isEqualTo(PORTAL_ZONE);
    }

    @Test
    void editorsGetALinkIntoConfigurationModeAndOthersDoNot() throws Exception {
        editor();
        Portal.Render page = portal.render();
        portlet.render(page.request(), page.response());
        assertThat(page.html()).contains("<a class=\"govuk-link\" href=\"render?mode=config\">Configure Pledge display</a>");

        portal.portalRoles = Set.of("Participation Staff");
        Portal.Render staffPage = portal.render();
        portlet.render(staffPage.request(), staffPage.response());
        assertThat(staffPage.html()).doesNotContain("mode=config");
    }

    @Test
    void anonymousVisitorsHaveNoPerson() throws Exception {
        Portal.Render page = portal.render();
        portlet.render(page.request(), page.response());

        assertThat(widget.renders.get(0).person()).isEmpty();
        assertThat(page.html()).isEqualTo("<section class=\"pledge\">Our promise</section>");
    }

    @Test
    void aViewThatFoundNothingPassesItsStatusOnAndAnOrdinaryViewDoesNot() throws Exception {
        Portal.Render ordinary = portal.render();
        portlet.render(ordinary.request(), ordinary.response());
        verify(ordinary.response(), never()).setProperty(eq(ResourceResponse.HTTP_STATUS_CODE), anyString());

        widget.viewStatus = WidgetView.NOT_FOUND;
        Portal.Render missing = portal.render();
        portlet.render(missing.request(), missing.response());
        verify(missing.response()).setProperty(ResourceResponse.HTTP_STATUS_CODE, "404");
        assertThat(missing.html()).isEqualTo("<section class=\"pledge\">Our promise</section>");
    }

    @Test
    void aDonePostRedirectsOnSiteAndShowsItsNoticeOnce() throws Exception {
        Portal.Render form = portal.render();
        portlet.render(form.request(), form.response());
        widget.outcome = PostOutcome.done("/web/guest/pledge?signed=1", Message.of("pledge.thanks"));

        Portal.Action post = portal.post(PortletMode.VIEW, Map.of("name", "Alex"));
        portlet.processAction(post.request(), post.response());

        assertThat(widget.posts.get(0).parameter("name")).contains("Alex");
        assertThat(widget.posts.get(0).parameters()).doesNotContainKey(WidgetPortlet.CSRF_PARAMETER);
        verify(post.response()).sendRedirect("/web/guest/pledge?signed=1");

        Portal.Render next = portal.render();
        portlet.render(next.request(), next.response());
        assertThat(widget.renders.get(1).notice()).contains(Message.of("pledge.thanks"));
        Portal.Render after = portal.render();
        portlet.render(after.request(), after.response());
        assertThat(widget.renders.get(2).notice()).isEmpty();
    }

    @Test
    void anOffSiteLocationIsRefusedAndThePersonStaysOnThePage() throws Exception {
        Portal.Render form = portal.render();
        portlet.render(form.request(), form.response());
        widget.outcome = PostOutcome.done("https://evil.example/phish", Message.of("pledge.thanks"));

        Portal.Action post = portal.post(PortletMode.VIEW, Map.of());
        portlet.processAction(post.request(), post.response());

        verify(post.response(), never()).sendRedirect(anyString());
        verify(post.renderParameters()).clearPrivate();
    }

    @Test
    void anInvalidPostIsShownOnTheNextRenderExactlyOnceWithWorkingUrls() throws Exception {
        Portal.Render form = portal.render();
        portlet.render(form.request(), form.response());
        widget.outcome = null;
        TestWidget invalidating = new TestWidget("pledge") {
            @Override
            public PostOutcome post(WidgetRequest request) {
                posts.add(request);
                return PostOutcome.invalid(WidgetView.of("<form action=\"" + request.links().action() + "\">"
                        + "<input name=\"" + request.namespace() + "name\" value=\"" + request.parameter("name").orElse("")
                        + "\"><img src=\"" + request.links().asset("img/tick.svg") + "\">"
                        + "<p>Enter your age</p></form>"));
            }
        };
        WidgetPortlet invalidPortlet = new WidgetPortlet(invalidating, invalidating.type(), () -> roles, PORTAL_ZONE, path -> null, new PreferenceForm());

        Portal.Action post = portal.post(PortletMode.VIEW, Map.of("name", "Alex"));
        invalidPortlet.processAction(post.request(), post.response());

        Portal.Render next = portal.render();
        invalidPortlet.render(next.request(), next.response());
        assertThat(next.html()).isEqualTo("<form action=\"action?mode=view\"><input name=\"" + Portal.NAMESPACE
                + "name\" value=\"Alex\"><img src=\"resource?id=img/tick.svg\"><p>Enter your age</p></form>");
        assertThat(invalidating.renders).isEmpty();

        Portal.Render after = portal.render();
        invalidPortlet.render(after.request(), after.response());
        assertThat(after.html()).doesNotContain("Enter your age");
        assertThat(invalidating.renders).hasSize(1);
    }

    @Test
    void aPostWithoutTheSessionTokenReachesNoWidget() throws Exception {
        Portal.Render form = portal.render();
        portlet.render(form.request(), form.response());
        widget.outcome = PostOutcome.done("/web/guest/pledge");

        Portal.Action forged = portal.postExactly(PortletMode.VIEW, Map.of(WidgetPortlet.CSRF_PARAMETER, "guessed"));
        portlet.processAction(forged.request(), forged.response());

        assertThat(widget.posts).isEmpty();
        verify(forged.response(), never()).sendRedirect(anyString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPostTheWidgetDoesNotAcceptOrThePersonMayNotMakeChangesNothing(boolean forbidden) throws Exception {
        widget.outcome = forbidden ? PostOutcome.forbidden() : PostOutcome.notAccepted();
        Portal.Render form = portal.render();
        portlet.render(form.request(), form.response());
        Map<String, Object> before = Map.copyOf(portal.session);

        Portal.Action post = portal.post(PortletMode.VIEW, Map.of("name", "Alex"));
        portlet.processAction(post.request(), post.response());

        assertThat(widget.posts).hasSize(1);
        verify(post.response(), never()).sendRedirect(anyString());
        verify(post.renderParameters(), never()).clearPrivate();
        verify(post.response(), never()).setPortletMode(any());
        assertThat(portal.session).isEqualTo(before);
    }

    @Test
    void configurationModeShowsEditorsTheFormWithStoredValues() throws Exception {
        editor();
        portal.stored.put("title", "Our voice");
        portal.stored.put("count", "99"); // no longer valid: the form offers the default instead

        Portal.Render page = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(page.request(), page.response());

        assertThat(page.html()).contains("Configure Pledge display")
                .contains("action=\"action?mode=config\"")
                .contains("name=\"" + Portal.NAMESPACE + "title\" type=\"text\" value=\"Our voice\"")
                .contains("name=\"" + Portal.NAMESPACE + "pwCsrf\" value=\"" + portal.session.get("dev.participation.portlet.csrf") + "\"")
                .contains("name=\"" + Portal.NAMESPACE + "count\" type=\"text\" value=\"3\"")
                .contains("href=\"render?mode=view\">Cancel</a>");
        assertThat(widget.renders).isEmpty();
    }

    @Test
    void configurationModeShowsTheWidgetToSomeoneWhoIsNotAnEditor() throws Exception {
        portal.user = "20999";
        portal.portalRoles = Set.of("Participation Staff");

        Portal.Render page = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(page.request(), page.response());

        assertThat(page.html()).doesNotContain("<form").contains("<section class=\"pledge\">");
    }

    @Test
    void anEditorWithoutThePortletsConfigurationPermissionGetsNoFormAndStoresNothing() throws Exception {
        editor();
        Portal.Render form = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(form.request(), form.response());
        // Liferay allows config mode only with the portlet's CONFIGURATION permission.
        portal.configAllowed = false;

        Portal.Render page = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(page.request(), page.response());
        Portal.Action post = portal.post(WidgetPortlet.CONFIG, Map.of("title", "Ours", "count", "5"));
        portlet.processAction(post.request(), post.response());

        assertThat(page.html()).doesNotContain("<form").doesNotContain("mode=config");
        assertThat(portal.stores).isZero();
    }

    @Test
    void validPreferencesAreStoredAndTheEditorReturnsToTheViewWithANotice() throws Exception {
        editor();
        Portal.Render form = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(form.request(), form.response());

        Portal.Action post = portal.post(WidgetPortlet.CONFIG,
                Map.of("title", "  Our voice  ", "count", "5", "layout", "cards", "evil", "<script>"));
        portlet.processAction(post.request(), post.response());

        assertThat(portal.stored).containsExactly(Map.entry("title", "Our voice"), Map.entry("count", "5"),
                Map.entry("layout", "cards"));
        assertThat(portal.stores).isEqualTo(1);
        verify(post.response()).setPortletMode(PortletMode.VIEW);

        Portal.Render view = portal.render();
        portlet.render(view.request(), view.response());
        assertThat(widget.renders.get(0).notice()).contains(Message.of("preferences.saved"));
        assertThat(widget.renders.get(0).preferences().get("layout")).isEqualTo("cards");
    }

    @Test
    void invalidPreferencesAreNotStoredAndTheFormComesBackWithWhatWasTypedOnce() throws Exception {
        editor();
        portal.stored.put("count", "4");
        Portal.Render form = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(form.request(), form.response());

        Portal.Action post = portal.post(WidgetPortlet.CONFIG, Map.of("title", "Ours", "count", "eleven", "layout", "cards"));
        portlet.processAction(post.request(), post.response());

        assertThat(portal.stored).containsExactly(Map.entry("count", "4"));
        assertThat(portal.pendingPreferences).isEmpty();
        assertThat(portal.stores).isZero();
        verify(post.response()).setPortletMode(WidgetPortlet.CONFIG);

        Portal.Render again = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(again.request(), again.response());
        assertThat(again.html()).contains("There is a problem")
                .contains("<a href=\"#" + Portal.NAMESPACE + "count\">Enter a whole number, like 2</a>")
                .contains("value=\"eleven\"").contains("value=\"Ours\"");

        Portal.Render later = portal.render(WidgetPortlet.CONFIG, Map.of());
        portlet.render(later.request(), later.response());
        assertThat(later.html()).doesNotContain("There is a problem").contains("value=\"4\"");
    }

    @Test
    void someoneWhoIsNotAnEditorCannotStorePreferences() throws Exception {
        portal.user = "20999";
        portal.portalRoles = Set.of("Participation Staff");
        Portal.Render page = portal.render();
        portlet.render(page.request(), page.response());

        Portal.Action post = portal.post(WidgetPortlet.CONFIG, Map.of("title", "Taken over", "count", "5", "layout", "full"));
        portlet.processAction(post.request(), post.response());

        assertThat(portal.stored).isEmpty();
        assertThat(portal.stores).isZero();
    }

    @Test
    void assetsAreServedFromTheWidgetsAssetsFolderAndNothingElse(@TempDir Path folder) throws Exception {
        assetFolder = folder;
        Files.createDirectories(folder.resolve("css"));
        Files.writeString(folder.resolve("css/pledge.css"), ".pledge{color:#0b0c0c}");

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ResourceResponse ok = resourceResponse(body);
        portlet.serveResource(resourceRequest("css/pledge.css"), ok);
        verify(ok).setContentType("text/css;charset=UTF-8");
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(".pledge{color:#0b0c0c}");

        for (String path : List.of("../secret.properties", "css/../../x.css", "/etc/passwd.txt", "css\\pledge.css",
                "%2e%2e/x.css", "Dev.class")) {
            ResourceResponse refused = resourceResponse(new ByteArrayOutputStream());
            portlet.serveResource(resourceRequest(path), refused);
            verify(refused).setStatus(404);
            verify(refused, never()).getPortletOutputStream();
        }
        ResourceResponse missing = resourceResponse(new ByteArrayOutputStream());
        portlet.serveResource(resourceRequest("css/missing.css"), missing);
        verify(missing).setStatus(404);
        assertThat(assetLookups).containsExactly("css/pledge.css", "css/missing.css");
    }

    private static ResourceRequest resourceRequest(String id) {
        ResourceRequest request = mock(ResourceRequest.class);
        when(request.getResourceID()).thenReturn(id);
        return request;
    }

    private static ResourceResponse resourceResponse(ByteArrayOutputStream body) throws Exception {
        ResourceResponse response = Portal.lenientMock(ResourceResponse.class);
        when(response.getCacheControl()).thenReturn(mock(CacheControl.class));
        when(response.getPortletOutputStream()).thenReturn(body);
        return response;
    }

}
