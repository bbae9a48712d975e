package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Stopping the portal and starting it again on the same data directory keeps what people did. */
class RestartTest {

    @Test
    void accountsAndWidgetSettingsSurviveARestart() {
        Path dir = Path.of(System.getProperty("portal.workdir"), "restart-" + System.nanoTime());
        String password;
        try (Portal first = Portal.start(dir)) {
            Visitor editor = new Visitor(first);
            password = editor.signInAndReplacePrintedPassword("admin", first.printedAdminPassword().orElseThrow());

            // The editor opens the Configure control of the home page's introduction ...
            Document home = editor.page("/");
            Element configure = home.selectFirst("main section a[href*=configure=]");
            assertThat(configure).as("an editor sees Configure on each widget").isNotNull();
            Document form = editor.page(configure.attr("href").replaceAll("#.*", ""));
            Element settings = form.selectFirst("form[action*=/configure/]");
            String heading = settings.selectFirst("input[name$=heading]").attr("name");

            // ... a mistake is explained and nothing typed is lost ...
            HttpResponse<String> invalid = editor.submit(settings, Map.of(heading, ""));
            assertThat(invalid.statusCode()).isEqualTo(400);
            Document again = Jsoup.parse(invalid.body());
            assertThat(again.select(".govuk-error-summary a").attr("href")).isEqualTo("#" + heading);

            // ... and a correct change is saved.
            HttpResponse<String> saved = editor.submit(settings, Map.of(heading, "Tell us what matters to you"));
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(editor.page("/").select("main section h2").text()).contains("Tell us what matters to you");
        }

        try (Portal second = Portal.start(dir)) {
            assertThat(second.printedAdminPassword()).as("the password is printed once, at the first start only")
                    .isEmpty();
            assertThat(new Visitor(second).page("/").select("main section h2").text())
                    .contains("Tell us what matters to you");
            Visitor admin = new Visitor(second);
            assertThat(admin.signIn("admin", password).statusCode()).isEqualTo(303);
            assertThat(admin.get("/intranet").statusCode()).isEqualTo(200);
        }
    }
}
