package dev.participation.portlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.portlet.PortletMode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** How the links a staff screen writes become the portlet URLs a browser can follow. */
class StaffPortletLinksTest {

    private final StaffPortletLinks links = StaffPortletLinks.at("7/history");

    private Document resolved(String html) throws Exception {
        Portal.Render render = new Portal().render(PortletMode.VIEW, Map.of());
        return Jsoup.parse(StaffPortletLinks.resolve(html, links.marker(), render.response()));
    }

    @Test
    void linksKeepTheirPathQueryAndFragmentAsRenderParameters() throws Exception {
        Document doc = resolved("<a href=\"" + links.page() + "7/preview?layout=cards&amp;principle=voice#top\">x</a>"
                + "<a href=\"" + links.page() + "\">start</a>");

        assertThat(doc.select("a").eachAttr("href")).containsExactly(
                "render?mode=view&pwPath=7/preview&layout=cards&principle=voice#top",
                "render?mode=view&pwPath=");
    }

    @Test
    void aFormThatPostsGoesToAnActionUrlForItsPath() throws Exception {
        Document doc = resolved("<form method=\"post\" action=\"" + links.action() + "\" novalidate></form>");

        assertThat(doc.select("form").attr("action")).isEqualTo("action?mode=view&pwPath=7/history");
    }

    @Test
    void aFormThatGetsCarriesTheUrlsParametersAsHiddenFields() throws Exception {
        Document doc = resolved("<form method=\"get\" action=\"" + links.action() + "\">"
                + "<select name=\"_ns_from\"></select></form>");

        assertThat(doc.select("form").attr("action")).isEqualTo("render");
        assertThat(doc.select("form input[type=hidden]").eachAttr("name")).containsExactly("mode", "pwPath");
        assertThat(doc.select("form input[type=hidden]").eachAttr("value")).containsExactly("view", "7/history");
        assertThat(doc.select("form select").attr("name")).isEqualTo("_ns_from");
    }

    @Test
    void assetsAreResourcesAndOtherTextIsLeftAlone() throws Exception {
        Document doc = resolved("<link rel=\"stylesheet\" href=\"" + links.asset("pledge.css") + "\">"
                + "<p>pw-staff-0000/7 is not ours</p>");

        assertThat(doc.select("link").attr("href")).isEqualTo("resource?id=pledge.css");
        assertThat(doc.select("p").text()).isEqualTo("pw-staff-0000/7 is not ours");
    }

    @Test
    void onlyLocationsInsideThePageAreTargets() {
        assertThat(links.target(links.page() + "7?from=1&to=2")).hasValueSatisfying(t -> {
            assertThat(t.path()).isEqualTo("7");
            assertThat(t.parameters()).containsExactly(Map.entry("from", List.of("1")), Map.entry("to", List.of("2")));
        });
        assertThat(links.target("https://elsewhere.example/")).isEmpty();
        assertThat(links.target(StaffPortletLinks.at("").page() + "7")).as("another window's").isEmpty();
        assertThat(StaffPortletLinks.Target.parse("7?pwPath=9/publish").path()).as("a query cannot move the path")
                .isEqualTo("7");
    }
}
