package dev.participation.kit.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.kit.TestLinks;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

import org.junit.jupiter.api.Test;

class GuardedFormTest {

    private static final GuardFields FIELDS = new GuardFields("website", "form_drawn_at", "1700000000000.abc");

    private final Templates templates = Templates.of(GuardedFormTest.class, "/templates/test");
    private final Messages messages = Messages.of(Locale.UK);
    private final HostRequest request = new Namespaced("_w7_");

    @Test
    void aFreshFormCarriesTheTokenAndAnEmptyHoneypotUnderTheHostsNamespace() {
        String html = render(GuardedForm.of(request, FIELDS), "");

        assertThat(html).contains("<input type=\"hidden\" name=\"_w7_form_drawn_at\" value=\"1700000000000.abc\">")
                .contains("id=\"_w7_website\" name=\"_w7_website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"")
                .contains("<label for=\"_w7_website\">Leave this box empty.")
                .doesNotContain("govuk-error-summary");
    }

    @Test
    void theHoneypotIsHiddenFromSightAndFromScreenReaders() {
        String html = render(GuardedForm.of(request, FIELDS), "");

        assertThat(html).contains("<div class=\"govuk-visually-hidden\" aria-hidden=\"true\">\n  <label for=\"_w7_website\">");
    }

    @Test
    void aRefusedFormSaysWhyAboveTheFormAndKeepsWhatWasTyped() {
        Verdict verdict = Verdict.refused(Message.of("protection.refused.tooQuick"));

        String html = render(GuardedForm.after(verdict, request, FIELDS, messages), "More benches & swings");

        assertThat(html).contains("<div role=\"alert\">")
                .contains("Your answers have not been sent yet")
                .contains("That was very quick! Your answers are still here")
                .contains("value=\"More benches &amp; swings\"");
        assertThat(html.indexOf("govuk-error-summary")).isLessThan(html.indexOf("<form"));
    }

    @Test
    void aPassedVerdictDrawsNoMessage() {
        assertThat(GuardedForm.after(Verdict.pass(), request, FIELDS, messages).refusal()).isEmpty();
    }

    @Test
    void everyRefusalHasKindWordsAndTheWaitIsInWholeMinutes() {
        for (String key : List.of("honeypot", "tooQuick", "tooOld", "checkAgain", "busyHere", "busy")) {
            assertThat(messages.has("protection.refused." + key)).as(key).isTrue();
        }
        assertThat(messages.get(Message.of("protection.refused.busyHere", 1L))).endsWith("again in 1 minute.");
        assertThat(messages.get(Message.of("protection.refused.busy", 44L))).endsWith("again in 44 minutes.");
    }

    private String render(GuardedForm guarded, String comment) {
        return templates.render("guarded.ftlh", Map.of("guarded", guarded, "namespace", "_w7_", "comment", comment),
                messages);
    }

    /** A public visitor's request in a host that namespaces form fields. */
    /** Also {@link ProtectedFormTest}'s: its form is on a group's page and posts back there. */
    record Namespaced(String namespace) implements HostRequest {

        @Override
        public Optional<Person> person() {
            return Optional.empty();
        }

        @Override
        public Locale locale() {
            return Locale.UK;
        }

        @Override
        public java.time.ZoneId timeZone() {
            return java.time.ZoneId.of("Europe/London");
        }

        @Override
        public Map<String, List<String>> parameters() {
            return Map.of();
        }

        @Override
        public CsrfField csrf() {
            return new CsrfField("csrf", "t");
        }

        @Override
        public Links links() {
            return new TestLinks("/groups", "/groups?_w7_join=youth-forum");
        }

        @Override
        public Optional<Message> notice() {
            return Optional.empty();
        }
    }
}
