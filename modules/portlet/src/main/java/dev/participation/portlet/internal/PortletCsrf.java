package dev.participation.portlet.internal;

import javax.portlet.ActionRequest;
import javax.portlet.PortletRequest;
import javax.portlet.PortletResponse;
import javax.portlet.PortletSession;

import dev.participation.api.widget.CsrfField;

/**
 * The adapter's own CSRF token, one per portlet session, as a namespaced form field. Liferay
 * already refuses action requests without the portal's {@code p_auth} token, which it puts into
 * every action URL (the form's {@code action}). The Portlet 3.0 API itself offers no token to
 * read, so this field protects the forms on any portlet container and costs nothing where the
 * portal protects action URLs as well.
 */
final class PortletCsrf {

    /** The form field, namespaced in the markup. */
    static final String PARAMETER = "pwCsrf";

    static final String SESSION_ATTRIBUTE = "dev.participation.portlet.csrf";

    private PortletCsrf() {
    }

    /** The field a form of this portlet window carries; makes the session's token on first use. */
    static CsrfField field(PortletRequest request, PortletResponse response) {
        PortletSession session = request.getPortletSession(true);
        String token = (String) session.getAttribute(SESSION_ATTRIBUTE);
        if (token == null) {
            token = CsrfTokens.newToken();
            session.setAttribute(SESSION_ATTRIBUTE, token);
        }
        return new CsrfField(response.getNamespace() + PARAMETER, token);
    }

    /** Whether a post came from a form this portlet served in the same session. */
    static boolean accepts(ActionRequest request) {
        PortletSession session = request.getPortletSession(false);
        String expected = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
        return CsrfTokens.matches(expected, request.getActionParameters().getValue(PARAMETER));
    }
}
