package dev.participation.groups.internal.join;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.api.PublicGroup;

/**
 * The ask-to-join form of one group, drawn and posted inside the directory widget. The widget
 * keeps the routing (which group, whether it takes members); this side keeps what is asked, the
 * rules for it and what happens once someone has asked, so the directory never handles the
 * personal details of a person asking to join.
 */
public interface AskToJoin {

    /** Request parameter naming (by its address) the group whose join form is open. */
    String PARAMETER = "join";

    /**
     * The form for this group, or what it shows once someone has asked (what happens next and by
     * when). The widget calls it only for a group that takes new members or keeps a waiting list.
     */
    WidgetView render(WidgetRequest request, PublicGroup group);

    /**
     * A post of the form for this group. The widget has checked the CSRF token, found the group
     * and that it takes new members or keeps a waiting list.
     */
    PostOutcome post(WidgetRequest request, PublicGroup group);

    /** The request parameters {@link #render} reads besides {@link #PARAMETER}, for page copies. */
    java.util.Set<String> viewParameters();
}
