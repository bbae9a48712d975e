package dev.participation.pledge.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.widget.Message;
import dev.participation.kit.form.TextChecks;
import dev.participation.kit.staff.Slugs;

/**
 * What makes pledge content acceptable, shared by the service (which refuses anything else) and
 * the authoring pages (which explain it beside each field). Message keys are the pledge widget's:
 * {@code pledge.error.*}.
 */
public final class PledgeRules {

    public static final int TITLE_MAX = 120;
    public static final int TEXT_MAX = 5000;
    public static final int PROMISE_MAX = 300;
    public static final int COMMITMENT_MAX = 1000;
    public static final int ALT_MAX = 250;
    public static final int URL_MAX = 2000;
    public static final int NAME_MAX = 120;

    private static final TextChecks TEXT = new TextChecks("pledge.error.required", "pledge.error.tooLong",
            "pledge.error.characters");

    private PledgeRules() {
    }

    /** Problems that stop a draft being saved: missing titles, over-long text, unsafe addresses. */
    public static Map<String, Message> check(PledgeContent content) {
        Map<String, Message> errors = new LinkedHashMap<>();
        TEXT.required(errors, "title", content.title(), TITLE_MAX);
        if (content.audience() == null) {
            errors.put("audience", Message.of("pledge.error.audience"));
        }
        TEXT.optional(errors, "introduction", content.introduction(), TEXT_MAX);
        TEXT.optional(errors, "easyReadIntroduction", content.easyReadIntroduction(), TEXT_MAX);
        List<Principle> principles = content.principles();
        for (int i = 0; i < principles.size(); i++) {
            checkPrinciple(errors, "principles[" + i + "].", principles.get(i));
        }
        List<Signatory> signatories = content.signatories();
        for (int i = 0; i < signatories.size(); i++) {
            Signatory s = signatories.get(i);
            TEXT.required(errors, "signatories[" + i + "].name", s.name(), NAME_MAX);
            TEXT.optional(errors, "signatories[" + i + "].role", s.role(), NAME_MAX);
        }
        return errors;
    }

    /** Problems of one principle, with field names relative to it ({@code title}, {@code commitments[0].text}). */
    public static Map<String, Message> checkPrinciple(Principle principle) {
        Map<String, Message> errors = new LinkedHashMap<>();
        checkPrinciple(errors, "", principle);
        return errors;
    }

    /** Problems that stop publication, on top of {@link #check}: a pledge needs a principle. */
    public static Map<String, Message> checkPublishable(PledgeContent content) {
        Map<String, Message> errors = check(content);
        if (content.principles().isEmpty()) {
            errors.put("principles", Message.of("pledge.error.noPrinciples"));
        }
        return errors;
    }

    public static boolean validSlug(String slug) {
        return Slugs.isValid(slug);
    }

    /** An address people may follow from evidence: a secure web address ({@code https://}). */
    public static boolean validLink(String link) {
        return link.length() <= URL_MAX && TextChecks.isWebLink(link);
    }

    private static void checkPrinciple(Map<String, Message> errors, String prefix, Principle p) {
        TEXT.required(errors, prefix + "title", p.title(), TITLE_MAX);
        TEXT.required(errors, prefix + "promise", p.promise(), PROMISE_MAX);
        TEXT.optional(errors, prefix + "easyReadPromise", p.easyReadPromise(), PROMISE_MAX);
        if (!p.imageUrl().isBlank()) {
            if (p.imageUrl().length() > URL_MAX || !TextChecks.isPictureAddress(p.imageUrl())) {
                errors.put(prefix + "imageUrl", Message.of("pledge.error.imageUrl"));
            }
            TEXT.required(errors, prefix + "imageAlt", p.imageAlt(), ALT_MAX);
        } else {
            TEXT.optional(errors, prefix + "imageAlt", p.imageAlt(), ALT_MAX);
        }
        for (int j = 0; j < p.commitments().size(); j++) {
            Commitment c = p.commitments().get(j);
            TEXT.required(errors, prefix + "commitments[" + j + "].text", c.text(), COMMITMENT_MAX);
            TEXT.optional(errors, prefix + "commitments[" + j + "].easyReadText", c.easyReadText(), COMMITMENT_MAX);
        }
    }
}
