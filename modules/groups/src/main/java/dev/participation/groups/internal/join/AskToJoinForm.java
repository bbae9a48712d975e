package dev.participation.groups.internal.join;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.join.Confirmation;
import dev.participation.groups.api.join.ConsentRole;
import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.JoinProblem;
import dev.participation.groups.api.join.JoinRequests;
import dev.participation.groups.api.join.JoinRules;
import dev.participation.groups.api.join.Reach;
import dev.participation.groups.api.join.TrustedAdult;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.protection.GuardedForm;
import dev.participation.kit.protection.ProtectedForm;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Times;
import dev.participation.kit.template.Templates;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ask-to-join form inside the directory widget, and the confirmation it leads to. One page,
 * every field on it, so it works without JavaScript; the parts that apply only to some people
 * (a trusted adult, an adult's agreement under the consent age) say so in their legends.
 */
@Component(service = AskToJoin.class, configurationPid = JoinConfiguration.PID)
public final class AskToJoinForm implements AskToJoin {

    /** The guard counts this form's posts under this key on every node. */
    static final String FORM_KEY = "groups.join";
    /** The confirmation's parameter: the submission key of the request just kept. */
    static final String SENT = "sent";
    static final String SUBMISSION = "submission";
    static final String[] FIELDS = {"firstName", "age", "reach", "email", "phone", "adultName", "adultRole",
            "adultContact", "help", "consentName", "consentRole", "agree", SUBMISSION};
    private static final String TEMPLATES = "/dev/participation/groups/templates";

    private final JoinRequests requests;
    private final ProtectedForm protection;
    private final int consentAge;
    private final Templates templates = Templates.of(AskToJoinForm.class, TEMPLATES);

    @Activate
    public AskToJoinForm(@Reference JoinRequests requests, @Reference PublicFormGuard guard, JoinConfiguration config) {
        this.requests = requests;
        this.protection = new ProtectedForm(guard, FORM_KEY);
        this.consentAge = config.consentAge();
    }

    @Override
    public Set<String> viewParameters() {
        return Set.of(SENT);
    }

    @Override
    public WidgetView render(WidgetRequest request, PublicGroup group) {
        Optional<Confirmation> sent = request.parameter(SENT)
                .flatMap(submission -> requests.confirmation(group.slug(), submission));
        if (sent.isPresent()) {
            return confirmation(request, sent.get());
        }
        Form form = Form.of(FIELDS).set(SUBMISSION, UUID.randomUUID().toString());
        return view(request, group, form, protection.fields(request));
    }

    @Override
    public PostOutcome post(WidgetRequest request, PublicGroup group) {
        Form form = Form.read(request, FIELDS);
        String submission = form.text(SUBMISSION);
        // The same form sent again (a double click, a reload): the request is already kept.
        if (requests.confirmation(group.slug(), submission).isPresent()) {
            return sentTo(request, group, submission);
        }
        if (!submission.matches("[A-Za-z0-9-]{16,64}")) {
            form.set(SUBMISSION, UUID.randomUUID().toString());
        }
        Optional<GuardedForm> refused = protection.refusal(request, messages(request));
        if (refused.isPresent()) {
            return PostOutcome.invalid(view(request, group, form, refused.get()));
        }
        JoinAsk ask = read(form);
        if (!form.valid()) {
            return PostOutcome.invalid(view(request, group, form, protection.fields(request)));
        }
        try {
            requests.ask(group.slug(), form.text(SUBMISSION), ask, request.timeZone(), request.locale());
        } catch (JoinProblem e) {
            inPageOrder(form, e.problems());
            return PostOutcome.invalid(view(request, group, form, protection.fields(request)));
        } catch (NoSuchElementException e) {
            // The group went away while the form was open: back to the directory.
            return PostOutcome.done(request.links().page());
        }
        return sentTo(request, group, form.text(SUBMISSION));
    }

    private static PostOutcome sentTo(WidgetRequest request, PublicGroup group, String submission) {
        return PostOutcome.done(request.links().view(Map.of(PARAMETER, group.slug(), SENT, submission)));
    }

    /**
     * The request as typed, with every field's error on the form: first whether a value could be
     * read at all (an age that is not a number), then {@link JoinRules}.
     */
    JoinAsk read(Form form) {
        Map<String, Message> errors = new LinkedHashMap<>();
        String typedAge = form.text("age");
        int age = Integer.MIN_VALUE;
        if (typedAge.isEmpty()) {
            errors.put("age", Message.of("join.error.age.required"));
        } else if (!typedAge.matches("[+-]?\\d{1,9}")) {
            errors.put("age", Message.of("join.error.age.number"));
        } else {
            age = Integer.parseInt(typedAge);
        }
        Reach reach = Reach.of(form.text("reach")).orElse(null);
        TrustedAdult adult = TrustedAdult.of(form.text("adultRole")).orElse(null);
        ConsentRole consent = ConsentRole.of(form.text("consentRole")).orElse(null);
        JoinAsk ask = new JoinAsk(form.text("firstName"), age, reach, form.text("email"), form.text("phone"),
                form.text("adultName"), adult, form.text("adultContact"), form.text("help"), form.text("consentName"),
                consent, "true".equals(form.text("agree")));
        Map<String, Message> rules = JoinRules.check(ask, consentAge);
        rules.forEach(errors::putIfAbsent);
        inPageOrder(form, errors);
        return ask;
    }

    private static void inPageOrder(Form form, Map<String, Message> errors) {
        for (String field : FIELDS) {
            if (errors.containsKey(field)) {
                form.reject(field, errors.get(field));
            }
        }
    }

    private WidgetView view(WidgetRequest request, PublicGroup group, Form form, GuardedForm guarded) {
        Messages words = messages(request);
        Map<String, Object> shared = ProtectedForm.shared(request, form, words, guarded);
        AskForm model = new AskForm(group.slug(), group.name(), PARAMETER, consentAge, request.links().view(
                Map.of()), options(words, "join.reach.", Reach.values()),
                options(words, "join.adultRole.", TrustedAdult.values()),
                options(words, "join.consentRole.", ConsentRole.values()));
        String title = words.get("join.title", group.name());
        return WidgetView.titled(title, templates.render("join/form.ftlh", model, shared, words));
    }

    private WidgetView confirmation(WidgetRequest request, Confirmation sent) {
        Messages words = messages(request);
        String how = sent.emailed() ? "join.sent.emailed"
                : sent.reach() == Reach.PHONE ? "join.sent.phone" : "join.sent.adultPhone";
        Sent model = new Sent(sent.groupName(), Times.date(sent.respondBy(), words), words.get(how),
                request.links().view(Map.of()));
        return WidgetView.titled(words.get("join.sent.title"), templates.render("join/sent.ftlh", model,
                Map.of(), words));
    }

    private static List<Option> options(Messages words, String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> {
            String code = v.name().toLowerCase(Locale.ROOT).replace('_', '-');
            return new Option(code, words.get(prefix + code));
        }).toList();
    }

    private static Messages messages(WidgetRequest request) {
        return Messages.of(request.locale(), JoinMail.WORDS.forLocale(request.locale()));
    }

    /** The view model of {@code join/form.ftlh}. */
    public record AskForm(String slug, String groupName, String joinParameter, int consentAge, String back,
            List<Option> reaches, List<Option> adultRoles, List<Option> consentRoles) {
    }

    /** A radio button: what is sent, and its words. */
    public record Option(String value, String label) {
    }

    /** The view model of {@code join/sent.ftlh}: nothing personal, so the page can be shown again. */
    public record Sent(String groupName, String respondBy, String how, String back) {
    }
}
