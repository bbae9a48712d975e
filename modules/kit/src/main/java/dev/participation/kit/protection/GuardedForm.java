package dev.participation.kit.protection;

import java.util.Objects;

import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.HostRequest;
import dev.participation.kit.i18n.Messages;

/**
 * What {@code kit/protection.ftlh} draws in one public form: the guard's fields under the host's
 * namespace and, when the last post was refused, the message in this request's language.
 *
 * <pre>
 * &lt;#import "kit/protection.ftlh" as protection&gt;
 * &lt;@protection.refusal guarded/&gt;
 * &lt;form method="post" ...&gt; ... &lt;@protection.fields guarded/&gt; ... &lt;/form&gt;
 * </pre>
 *
 * @param honeypotName the honeypot's field name and id
 * @param tokenName    the token's field name
 * @param token        the token, fresh for this drawing of the form
 * @param refusal      the refused post's message, or empty
 */
public record GuardedForm(String honeypotName, String tokenName, String token, String refusal) {

    public GuardedForm {
        Objects.requireNonNull(honeypotName, "honeypotName");
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(refusal, "refusal");
    }

    /** The form drawn for the first time, or again after a post that passed the guard. */
    public static GuardedForm of(HostRequest request, GuardFields fields) {
        return new GuardedForm(request.namespace() + fields.honeypotName(), request.namespace() + fields.tokenName(),
                fields.token(), "");
    }

    /**
     * The form drawn again after the guard refused a post: fresh fields (so the next send can
     * pass) and the verdict's message.
     */
    public static GuardedForm after(Verdict verdict, HostRequest request, GuardFields fields, Messages messages) {
        GuardedForm form = of(request, fields);
        return verdict.refusal().map(message -> new GuardedForm(form.honeypotName, form.tokenName, form.token,
                messages.get(message))).orElse(form);
    }
}
