package dev.participation.host.internal;

import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.protection.GuardedForm;
import dev.participation.kit.template.Templates;

/**
 * A public form as the first real one will be: anybody may send an idea without signing in, so
 * the form is guarded against bots. Shows how little a widget does for it: ask for the fields when
 * drawing, check before keeping, and on a refusal draw the form again with what was typed.
 */
public final class SuggestionsWidget implements Widget {

    static final String FORM = "suggestions.idea";

    final List<String> ideas = new CopyOnWriteArrayList<>();
    private final PublicFormGuard guard;
    private final Templates templates = Templates.of(SuggestionsWidget.class, "/dev/participation/host/testwidget");

    SuggestionsWidget(PublicFormGuard guard) {
        this.guard = guard;
    }

    @Override
    public WidgetType type() {
        return new WidgetType("suggestions", "suggestions.name", "suggestions.description", "Test", List.of());
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"suggestions.name", "Suggest an idea"},
                        {"suggestions.description", "Ideas from anybody"}, {"suggestions.idea", "Your idea"},
                        {"suggestions.send", "Send your idea"}, {"suggestions.empty", "Enter your idea"},
                        {"suggestions.thanks", "Thank you for your idea"}};
            }
        };
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        return view(request, "", Map.of(), GuardedForm.of(request, guard.fields(FORM)));
    }

    @Override
    public PostOutcome post(WidgetRequest request) {
        String typed = request.parameter("idea").orElse("");
        Verdict verdict = guard.check(FORM, request);
        if (!verdict.passed()) {
            return PostOutcome.invalid(view(request, typed, Map.of(),
                    GuardedForm.after(verdict, request, guard.fields(FORM), messages(request))));
        }
        if (typed.isBlank()) {
            return PostOutcome.invalid(view(request, typed, Map.of(request.namespace() + "idea",
                    messages(request).get("suggestions.empty")), GuardedForm.of(request, guard.fields(FORM))));
        }
        ideas.add(typed.strip());
        return PostOutcome.done(request.links().page(), Message.of("suggestions.thanks"));
    }

    private WidgetView view(WidgetRequest request, String idea, Map<String, String> errors, GuardedForm guarded) {
        Map<String, Object> model = Map.of("namespace", request.namespace(), "action", request.links().action(),
                "csrf", request.csrf(), "idea", idea, "errors", errors, "guarded", guarded, "ideas", ideas);
        return WidgetView.of(templates.render("suggestions.ftlh", model, messages(request)));
    }

    private Messages messages(WidgetRequest request) {
        return Messages.of(request.locale(), messages(request.locale()));
    }
}
