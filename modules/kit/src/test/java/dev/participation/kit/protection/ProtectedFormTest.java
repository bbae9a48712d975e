package dev.participation.kit.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Screening;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Message;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Form;

class ProtectedFormTest {

    private final Messages messages = Messages.of(Locale.UK);
    private final HostRequest request = new GuardedFormTest.Namespaced("_w7_");

    /** A guard that refuses while told to, hands out numbered tokens and notes which form asked. */
    private final List<String> asked = new ArrayList<>();
    private Verdict verdict = Verdict.pass();
    private final PublicFormGuard guard = new PublicFormGuard() {
        @Override
        public GuardFields fields(String formKey) {
            asked.add("fields " + formKey);
            return new GuardFields("website", "drawn", "token-" + asked.size());
        }

        @Override
        public Verdict check(String formKey, HostRequest post) {
            asked.add("check " + formKey);
            return verdict;
        }

        @Override
        public Screening screen(String formKey, HostRequest post) {
            asked.add("screen " + formKey);
            return new Screening() {
                @Override
                public Verdict verdict() {
                    return Verdict.pass();
                }

                @Override
                public Verdict admit() {
                    asked.add("admit " + formKey);
                    return verdict;
                }
            };
        }
    };
    private final ProtectedForm protection = new ProtectedForm(guard, "groups.join");

    @Test
    void theFormIsDrawnWithTheGuardsFieldsUnderTheHostsNamespace() {
        GuardedForm fields = protection.fields(request);

        assertThat(fields).isEqualTo(new GuardedForm("_w7_website", "_w7_drawn", "token-1", ""));
        assertThat(asked).containsExactly("fields groups.join");
    }

    @Test
    void aPostThatPassesGoesAheadWithoutDrawingAnything() {
        assertThat(protection.refusal(request, messages)).isEmpty();
        assertThat(asked).containsExactly("check groups.join");
    }

    @Test
    void aRefusedPostIsDrawnAgainWithFreshFieldsAndTheKindMessage() {
        verdict = Verdict.refused(Message.of("protection.refused.tooQuick"));

        Optional<GuardedForm> refused = protection.refusal(request, messages);

        assertThat(refused).get().extracting(GuardedForm::token).isEqualTo("token-2");
        assertThat(refused.get().refusal()).startsWith("That was very quick!");
        assertThat(asked).containsExactly("check groups.join", "fields groups.join");
    }

    @Test
    void aScreenedPostIsCountedOnlyWhenItsWriterAdmitsItAndARefusalIsDrawnLikeAnyOther() {
        verdict = Verdict.refused(Message.of("protection.refused.tooQuick"));

        Screening screening = protection.screen(request);
        assertThat(protection.refusal(screening.verdict(), request, messages)).isEmpty();
        assertThat(asked).containsExactly("screen groups.join");

        Optional<GuardedForm> refused = protection.refusal(screening.admit(), request, messages);

        assertThat(refused).get().extracting(GuardedForm::token).isEqualTo("token-3");
        assertThat(refused.get().refusal()).startsWith("That was very quick!");
        assertThat(asked).containsExactly("screen groups.join", "admit groups.join", "fields groups.join");
    }

    @Test
    void theTemplateGetsWhatEveryPublicFormReads() {
        Form form = Form.of("firstName", "age").set("firstName", "Amira").reject("age", Message.of("join.age"));
        GuardedForm fields = protection.fields(request);

        Map<String, Object> shared = ProtectedForm.shared(request, form, messages, fields);

        assertThat(shared).containsEntry("ns", "_w7_").containsEntry("csrf", request.csrf())
                .containsEntry("action", "/groups?_w7_join=youth-forum").containsEntry("guarded", fields)
                .containsEntry("form", Map.of("firstName", "Amira", "age", ""));
        assertThat(shared.get("errors")).isEqualTo(Map.of("age", "join.age"));
        assertThat(shared.get("errorSummary")).isEqualTo(Map.of("_w7_age", "join.age"));
    }
}
