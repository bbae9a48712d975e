package dev.participation.kit.protection;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.participation.api.protection.PublicFormGuard;
import dev.participation.api.protection.Screening;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.HostRequest;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Form;

/**
 * One public form's bot protection, used the way {@link PublicFormGuard} asks: fresh guard fields
 * each time the form is drawn, and the guard's verdict on each post before anything is kept. A
 * refused post draws the form again with everything typed and the verdict's message, so a person
 * who trips a rule loses nothing and can send again.
 *
 * <pre>
 * Optional&lt;GuardedForm&gt; refused = protection.refusal(request, words);
 * if (refused.isPresent()) {
 *     return PostOutcome.invalid(view(request, form, refused.get()));
 * }
 * ... keep what was sent, or draw the form again with protection.fields(request)
 * </pre>
 */
public final class ProtectedForm {

    private final PublicFormGuard guard;
    private final String formKey;

    /**
     * @param formKey names the form to the guard, the same on every node and in every release,
     *                such as {@code events.sign-up}; its limits are counted under it
     */
    public ProtectedForm(PublicFormGuard guard, String formKey) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.formKey = Objects.requireNonNull(formKey, "formKey");
    }

    /** The guard's fields for drawing the form: the first time, or again with the form's own errors. */
    public GuardedForm fields(HostRequest request) {
        return GuardedForm.of(request, guard.fields(formKey));
    }

    /**
     * The guard's verdict on a post, asked before anything is kept: empty when the post may go
     * ahead; otherwise the fields to draw the form again with, fresh so the next send can pass,
     * and the refusal's message in the person's words.
     */
    public Optional<GuardedForm> refusal(HostRequest request, Messages messages) {
        return refusal(guard.check(formKey, request), request, messages);
    }

    /**
     * The guard's rules that need no database, for a form whose post is written in a transaction
     * anyway: its rate limits are then taken by {@link Screening#admit()} inside that transaction
     * (see {@link PublicFormGuard#screen}), and {@link #refusal(Verdict, HostRequest, Messages)}
     * turns either verdict into the form to draw again.
     */
    public Screening screen(HostRequest request) {
        return guard.screen(formKey, request);
    }

    /** Empty for a verdict that passed; otherwise the fresh fields and message to draw the form again with. */
    public Optional<GuardedForm> refusal(Verdict verdict, HostRequest request, Messages messages) {
        return verdict.passed() ? Optional.empty()
                : Optional.of(GuardedForm.after(verdict, request, guard.fields(formKey), messages));
    }

    /**
     * What a public form's template reads beside its view model: what every form's does
     * ({@link Form#templateValues}) and the guard's fields ({@code guarded}, for
     * {@code kit/protection.ftlh}). A form adds its own values to the map.
     */
    public static Map<String, Object> shared(HostRequest request, Form form, Messages messages, GuardedForm guarded) {
        Map<String, Object> shared = form.templateValues(request, messages);
        shared.put("guarded", guarded);
        return shared;
    }
}
