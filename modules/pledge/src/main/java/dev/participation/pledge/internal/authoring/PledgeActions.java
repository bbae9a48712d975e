package dev.participation.pledge.internal.authoring;

import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.kit.staff.RoutedAction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every form post of the pledge staff pages, one component each with the role it needs (the way
 * Liferay registers an {@code MVCActionCommand}). The work itself is the post of the page's
 * endpoint with the same name, beside the screens that draw its form.
 */
public final class PledgeActions {
    static final String CREATE = "create";
    static final String DETAILS = "details";
    static final String PUBLISH = "publish";
    static final String PRINCIPLE_ADD = "principle.add";
    static final String PRINCIPLE_SAVE = "principle.save";
    static final String PRINCIPLE_MOVE = "principle.move";
    static final String PRINCIPLE_REMOVE = "principle.remove";
    static final String COMMITMENT_ADD = "commitment.add";
    static final String COMMITMENT_SAVE = "commitment.save";
    static final String COMMITMENT_MOVE = "commitment.move";
    static final String COMMITMENT_REMOVE = "commitment.remove";
    static final String SIGNATORY_SAVE = "signatory.save";
    static final String SIGNATORY_REMOVE = "signatory.remove";
    static final String RESTORE = "restore";
    static final String EVIDENCE_ADD = "evidence.add";
    static final String EVIDENCE_APPROVE = "evidence.approve";
    static final String EVIDENCE_REMOVE = "evidence.remove";

    private static final String AUTHORING = StaffAction.PAGE + "=" + PledgeAuthoringPage.KEY;
    private static final String EVIDENCE = StaffAction.PAGE + "=" + PledgeEvidencePage.KEY;

    private PledgeActions() {
    }

    /** Starts a new pledge. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + CREATE})
    public static final class Create extends RoutedAction {
        @Activate
        public Create(@Reference PledgeAuthoringPage page) {
            super(page, CREATE);
        }
    }

    /** Saves a pledge's title, audience and introductions. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + DETAILS})
    public static final class SaveDetails extends RoutedAction {
        @Activate
        public SaveDetails(@Reference PledgeAuthoringPage page) {
            super(page, DETAILS);
        }
    }

    /** Publishes the draft for everyone to see. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + PUBLISH})
    public static final class Publish extends RoutedAction {
        @Activate
        public Publish(@Reference PledgeAuthoringPage page) {
            super(page, PUBLISH);
        }
    }

    /** Adds a principle. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + PRINCIPLE_ADD})
    public static final class AddPrinciple extends RoutedAction {
        @Activate
        public AddPrinciple(@Reference PledgeAuthoringPage page) {
            super(page, PRINCIPLE_ADD);
        }
    }

    /** Saves a principle's words and picture. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + PRINCIPLE_SAVE})
    public static final class SavePrinciple extends RoutedAction {
        @Activate
        public SavePrinciple(@Reference PledgeAuthoringPage page) {
            super(page, PRINCIPLE_SAVE);
        }
    }

    /** Moves a principle up or down. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + PRINCIPLE_MOVE})
    public static final class MovePrinciple extends RoutedAction {
        @Activate
        public MovePrinciple(@Reference PledgeAuthoringPage page) {
            super(page, PRINCIPLE_MOVE);
        }
    }

    /** Removes a principle with its commitments. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + PRINCIPLE_REMOVE})
    public static final class RemovePrinciple extends RoutedAction {
        @Activate
        public RemovePrinciple(@Reference PledgeAuthoringPage page) {
            super(page, PRINCIPLE_REMOVE);
        }
    }

    /** Adds a commitment to a principle. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + COMMITMENT_ADD})
    public static final class AddCommitment extends RoutedAction {
        @Activate
        public AddCommitment(@Reference PledgeAuthoringPage page) {
            super(page, COMMITMENT_ADD);
        }
    }

    /** Saves a commitment's words. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + COMMITMENT_SAVE})
    public static final class SaveCommitment extends RoutedAction {
        @Activate
        public SaveCommitment(@Reference PledgeAuthoringPage page) {
            super(page, COMMITMENT_SAVE);
        }
    }

    /** Moves a commitment up or down. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + COMMITMENT_MOVE})
    public static final class MoveCommitment extends RoutedAction {
        @Activate
        public MoveCommitment(@Reference PledgeAuthoringPage page) {
            super(page, COMMITMENT_MOVE);
        }
    }

    /** Removes a commitment. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + COMMITMENT_REMOVE})
    public static final class RemoveCommitment extends RoutedAction {
        @Activate
        public RemoveCommitment(@Reference PledgeAuthoringPage page) {
            super(page, COMMITMENT_REMOVE);
        }
    }

    /** Adds or changes a signatory. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + SIGNATORY_SAVE})
    public static final class SaveSignatory extends RoutedAction {
        @Activate
        public SaveSignatory(@Reference PledgeAuthoringPage page) {
            super(page, SIGNATORY_SAVE);
        }
    }

    /** Removes a signatory. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + SIGNATORY_REMOVE})
    public static final class RemoveSignatory extends RoutedAction {
        @Activate
        public RemoveSignatory(@Reference PledgeAuthoringPage page) {
            super(page, SIGNATORY_REMOVE);
        }
    }

    /** Publishes an earlier version again. */
    @Component(service = StaffAction.class, property = {AUTHORING, StaffAction.NAME + "=" + RESTORE})
    public static final class Restore extends RoutedAction {
        @Activate
        public Restore(@Reference PledgeAuthoringPage page) {
            super(page, RESTORE);
        }
    }

    /** Staff add evidence; the public sees it once an editor approves it (an editor's at once). */
    @Component(service = StaffAction.class, property = {EVIDENCE, StaffAction.NAME + "=" + EVIDENCE_ADD})
    public static final class AddEvidence extends RoutedAction {
        @Activate
        public AddEvidence(@Reference PledgeEvidencePage page) {
            super(page, EVIDENCE_ADD);
        }
    }

    /** Only an editor lets the public see evidence. */
    @Component(service = StaffAction.class, property = {EVIDENCE, StaffAction.NAME + "=" + EVIDENCE_APPROVE})
    public static final class ApproveEvidence extends RoutedAction {
        @Activate
        public ApproveEvidence(@Reference PledgeEvidencePage page) {
            super(page.support(), EVIDENCE_APPROVE, Roles.EDITOR);
        }
    }

    /** Removes evidence. */
    @Component(service = StaffAction.class, property = {EVIDENCE, StaffAction.NAME + "=" + EVIDENCE_REMOVE})
    public static final class RemoveEvidence extends RoutedAction {
        @Activate
        public RemoveEvidence(@Reference PledgeEvidencePage page) {
            super(page, EVIDENCE_REMOVE);
        }
    }
}
