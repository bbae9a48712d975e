package dev.participation.pledge.internal.authoring;

import java.util.List;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.api.widget.StaffRequest;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Slugs;

/** The pledge's own fields (title, address, audience, introductions): reading, checking, applying. */
final class DetailsForm {

    static final String[] FIELDS = {"title", "slug", "audience", "introduction", "easyReadIntroduction"};

    private DetailsForm() {
    }

    static Form read(StaffRequest request) {
        return Form.read(request, FIELDS);
    }

    static Form of(PledgeContent content, String slug) {
        return Form.of(FIELDS).set("title", content.title()).set("slug", slug)
                .set("audience", content.audience() == null ? "" : content.audience().key())
                .set("introduction", content.introduction())
                .set("easyReadIntroduction", content.easyReadIntroduction());
    }

    /** The content with this form's details; the audience is null when none was chosen. */
    static PledgeContent apply(Form form, PledgeContent base) {
        Audience audience = Audience.fromKey(form.text("audience")).orElse(null);
        return ContentEdits.details(base, form.text("title"), audience, form.text("introduction"),
                form.text("easyReadIntroduction"));
    }

    /**
     * The address to create the pledge at: what the editor typed, or one made from the title when
     * the box was left empty (then shown in the box, so a clash can be corrected).
     */
    static String slug(Form form) {
        String typed = form.text("slug");
        String slug = typed.isEmpty() ? Slugs.suggest(form.text("title"), "pledge") : typed;
        form.set("slug", slug);
        if (!PledgeRules.validSlug(slug)) {
            form.reject("slug", "pledge.error.slug");
        }
        return slug;
    }

    static List<Option> audiences(Messages messages) {
        return java.util.Arrays.stream(Audience.values()).map(a -> new Option(a.key(), messages.get(a.labelKey())))
                .toList();
    }

    /** One choice of a select or radios. */
    public record Option(String value, String label) {
    }

    /** The details form: creating a pledge, or changing one's details. */
    public record View(boolean creating, List<Option> audiences, String cancel) {
    }
}
