package dev.participation.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.api.widget.WidgetType;
import dev.participation.kit.form.PreferenceForm;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;
import dev.participation.kit.text.PlainText;

import org.junit.jupiter.api.Test;

class KitTest {

    public record Pledge(String title, String introduction) {
    }

    private final LanguageBundles bundles = new LanguageBundles(KitTest.class, "testing/Language");
    private final Messages messages = Messages.of(Locale.UK, bundles.forLocale(Locale.UK));

    @Test
    void plainTextBecomesParagraphsAndSafeLinks() {
        String html = PlainText.toHtml("We listen.\n\nRead [our pledge](https://example.org/p?a=1&b=2) or "
                + "https://example.org/more.\nThanks <script>alert(1)</script>");
        assertThat(html).isEqualTo("<p class=\"govuk-body\">We listen.</p>"
                + "<p class=\"govuk-body\">Read <a class=\"govuk-link\" href=\"https://example.org/p?a=1&amp;b=2\">our pledge</a> or "
                + "<a class=\"govuk-link\" href=\"https://example.org/more\">https://example.org/more</a>.<br>"
                + "Thanks &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void scriptAddressesAreNeverLinks() {
        assertThat(PlainText.toHtml("[click](javascript:alert(1)) \"quoted\""))
                .doesNotContain("<a").contains("&quot;quoted&quot;");
        assertThat(PlainText.toPlain("Read [our pledge](https://example.org) today")).isEqualTo("Read our pledge today");
    }

    @Test
    void messagesFallBackToTheKitAndThenToTheKey() {
        assertThat(messages.get("test.greeting", "the pledge")).isEqualTo("Welcome to the pledge");
        assertThat(messages.get("form.errorSummary.title")).isEqualTo("There is a problem");
        assertThat(messages.get("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void severalLanguageFilesReadAsOneWithTheFirstWinning() {
        Messages combined = Messages.of(Locale.UK,
                new LanguageBundles(KitTest.class, "testing/Language", "testing/other/Language").forLocale(Locale.UK));
        assertThat(combined.get("test.greeting", "x")).isEqualTo("Welcome to x");
        assertThat(combined.get("other.only")).isEqualTo("Only here");
    }

    @Test
    void templatesEscapeContentAndReadRecords() {
        Templates templates = Templates.of(KitTest.class, "/templates/test");
        String html = templates.render("card.ftlh",
                Map.of("level", 3, "pledge", new Pledge("Voice & <b>choice</b>", "First.\n\nSecond")), messages);
        assertThat(html).contains("<h3 class=\"govuk-heading-m\">Voice &amp; &lt;b&gt;choice&lt;/b&gt;</h3>")
                .contains("<p>Welcome to Voice &amp; &lt;b&gt;choice&lt;/b&gt;</p>")
                .contains("<p class=\"govuk-body\">First.</p><p class=\"govuk-body\">Second</p>");
    }

    @Test
    void aBrokenTemplateFailsInsteadOfPrintingHalfAPage() {
        Templates templates = Templates.of(KitTest.class, "/templates/test");
        assertThatThrownBy(() -> templates.render("card.ftlh", Map.of("level", 2), messages))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("card.ftlh");
    }

    @Test
    void preferenceFormShowsWhatWasTypedAndExplainsEachError() {
        WidgetType type = new WidgetType("test", "test.widget", "test.widget", "Participation", List.of(
                PreferenceDefinition.text("title", "test.title", null, "Our promise", true, 20),
                PreferenceDefinition.integer("count", "test.count", null, 3, 1, 10),
                PreferenceDefinition.bool("easyRead", "test.easyRead", null, true),
                PreferenceDefinition.choice("layout", "test.layout", null, "full", true,
                        List.of(Choice.keyed("full", "test.layout.full"), Choice.keyed("cards", "test.layout.cards")))));
        PreferencesValidation result = type.validate(Map.of("title", "<i>x</i>", "count", "eleven", "layout", "cards"));
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).containsOnlyKeys("count");

        String html = new PreferenceForm().render(type, messages, result.values(), result.errors(), "w1_",
                "/post", new CsrfField("_csrf", "tok"), "/back", 2);

        assertThat(html).contains("There is a problem")
                .contains("<a href=\"#w1_count\">Enter a whole number, like 2</a>")
                .contains("value=\"eleven\"")
                .contains("value=\"&lt;i&gt;x&lt;/i&gt;\"")
                .contains("name=\"_csrf\" value=\"tok\"")
                .contains("id=\"w1_layout-2\" name=\"w1_layout\" type=\"radio\" value=\"cards\" checked")
                .contains("<h2 class=\"govuk-heading-m\">Configure Test widget</h2>");
        // An unticked checkbox is not sent by browsers and must read as "no", not as an error.
        assertThat(result.values().get("easyRead")).isEqualTo("false");
    }

    @Test
    void aFormAfterARefusedSaveKeepsWhatWasTypedAndShowsWhatWasSavedMeanwhile() {
        WidgetType type = new WidgetType("test", "test.widget", "test.widget", "Participation", List.of(
                PreferenceDefinition.text("title", "test.title", null, "Our promise", true, 20),
                PreferenceDefinition.bool("easyRead", "test.easyRead", null, true),
                PreferenceDefinition.choice("layout", "test.layout", null, "full", true,
                        List.of(Choice.keyed("full", "test.layout.full"), Choice.keyed("cards", "test.layout.cards")))));
        Preferences typed = type.validate(Map.of("title", "Mine", "easyRead", "true", "layout", "full")).values();
        Preferences saved = type.resolve(Map.of("title", "Theirs", "easyRead", "true", "layout", "cards"));

        String html = new PreferenceForm().render(type, messages, typed, Map.of(), "w1_", "/post",
                new CsrfField("_csrf", "tok"), "/back", 2, PreferenceForm.Versioning.changedMeanwhile(8, saved));

        assertThat(html).contains("There is a problem")
                .contains("<a href=\"#w1_title\">Someone else changed these settings after you opened this form")
                .contains("value=\"Mine\"")
                .contains("<input type=\"hidden\" name=\"w1__version\" value=\"8\">")
                .contains("id=\"w1_title-saved\"")
                .contains("<strong>Theirs</strong>")
                .contains("id=\"w1_layout-saved\"")
                .doesNotContain("id=\"w1_easyRead-saved\"");
        // The first form carries its version and says nothing about anyone else.
        String first = new PreferenceForm().render(type, messages, saved, Map.of(), "w1_", "/post",
                new CsrfField("_csrf", "tok"), "/back", 2, PreferenceForm.Versioning.at(8));
        assertThat(first).contains("name=\"w1__version\" value=\"8\"").doesNotContain("Someone else")
                .doesNotContain("-saved\"");
    }

    @Test
    void aChoiceFromDataOffersWhatTheWidgetListsWhenTheFormIsDrawn() {
        WidgetType type = new WidgetType("test", "test.widget", "test.widget", "Participation", List.of(
                PreferenceDefinition.choiceFromData("pledge", "test.title", null, false, 40),
                PreferenceDefinition.choice("layout", "test.layout", null, "full", true,
                        List.of(Choice.keyed("full", "test.layout.full"), Choice.keyed("cards", "test.layout.cards")))));
        List<String> asked = new java.util.ArrayList<>();
        List<Choice> published = List.of(Choice.named("ours", "Our promise"), Choice.named("carers", "Carers' charter"));
        java.util.function.Function<PreferenceDefinition, List<Choice>> options = p -> {
            asked.add(p.key());
            return p.choicesFromData() ? published : p.choices();
        };

        String html = new PreferenceForm().render(type, options, messages, type.resolve(Map.of("pledge", "carers")),
                Map.of(), "w1_", "/post", new CsrfField("_csrf", "tok"), "/back", 2, null);

        assertThat(asked).containsExactly("pledge", "layout");
        assertThat(html).contains("name=\"w1_pledge\" type=\"radio\" value=\"carers\" checked")
                .contains("Carers&#39; charter").contains("value=\"ours\"")
                .contains("name=\"w1_layout\" type=\"radio\" value=\"full\" checked")
                .doesNotContain("w1__version");
        assertThat(html).as("a choice that may be left empty can be set back to nothing")
                .contains("name=\"w1_pledge\" type=\"radio\" value=\"\"").contains(">None<")
                .doesNotContain("name=\"w1_layout\" type=\"radio\" value=\"\"");
    }

    @Test
    void aLongChoiceThatMayBeLeftEmptyOffersNoneFirstInItsList() {
        List<Choice> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            many.add(Choice.named("p" + i, "Pledge " + i));
        }
        WidgetType type = new WidgetType("test", "test.widget", "test.widget", "Participation", List.of(
                PreferenceDefinition.choiceFromData("pledge", "test.title", null, false, 40)));

        String html = new PreferenceForm().render(type, p -> many, messages, type.resolve(Map.of("pledge", "p3")),
                Map.of(), "w1_", "/post", new CsrfField("_csrf", "tok"), "/back", 2, null);

        assertThat(html).contains("<select").containsSubsequence("<option value=\"\"", ">None<", "value=\"p1\"",
                "value=\"p3\" selected");
    }
}
