package dev.participation.pledge.internal.view;

import java.util.Map;
import java.util.Objects;

/**
 * How {@link PledgeRenderer} shows a pledge.
 *
 * @param layout              which of the three layouts
 * @param showCommitments     whether the "we will do this by" lists (and their evidence) are shown
 * @param easyRead            whether to show easy-read wording where the editor wrote some
 * @param headingLevel        the level of the view's first heading, 1 to 5; inner headings nest below it
 * @param principleKey        for {@link Layout#ONE_PRINCIPLE}: the principle to show; empty (or a key
 *                            the pledge lacks) shows the first
 * @param easyReadToggleHref  where the "easy read / standard" control links to (the other version of
 *                            this same view); empty draws no control
 * @param easyReadOffered     whether the control is offered at all (the editor allows it and the
 *                            pledge has easy-read wording)
 * @param principleLinks      for {@link Layout#CARDS}: per principle key, where a card's "read more"
 *                            link goes; a principle without an entry gets no link
 */
public record PledgeViewOptions(Layout layout, boolean showCommitments, boolean easyRead, int headingLevel,
        String principleKey, String easyReadToggleHref, boolean easyReadOffered,
        Map<String, String> principleLinks) {

    /** The three ways to show a pledge. */
    public enum Layout {
        /** Everything: title, introduction, every principle with its commitments, signatories. */
        FULL,
        /** One compact card per principle: title, promise, how many commitments. */
        CARDS,
        /** One principle in full. */
        ONE_PRINCIPLE
    }

    public PledgeViewOptions {
        Objects.requireNonNull(layout, "layout");
        if (headingLevel < 1 || headingLevel > 5) {
            throw new IllegalArgumentException("heading level must be 1 to 5: " + headingLevel);
        }
        principleKey = principleKey == null ? "" : principleKey;
        easyReadToggleHref = easyReadToggleHref == null ? "" : easyReadToggleHref;
        principleLinks = principleLinks == null ? Map.of() : Map.copyOf(principleLinks);
    }

    /** Options without card links (previews, full and one-principle views). */
    public PledgeViewOptions(Layout layout, boolean showCommitments, boolean easyRead, int headingLevel,
            String principleKey, String easyReadToggleHref, boolean easyReadOffered) {
        this(layout, showCommitments, easyRead, headingLevel, principleKey, easyReadToggleHref, easyReadOffered,
                Map.of());
    }

    /** The whole pledge, as the public sees it by default, without the easy-read control: for previews. */
    public static PledgeViewOptions full(int headingLevel, boolean easyRead) {
        return new PledgeViewOptions(Layout.FULL, true, easyRead, headingLevel, "", "", false);
    }
}
