package dev.participation.portlet.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.portlet.PortletRequest;
import javax.portlet.PortletSession;

import dev.participation.api.widget.Message;

/**
 * What a post leaves for the next render of the same portlet window, shown once: a notice after a
 * redirect, the widget's view of an invalid form, or the configuration form as the editor typed it.
 * It lives in the portlet session, so it is {@link Serializable} for portals that replicate
 * sessions between nodes.
 *
 * @param notice       a notice for the next view, or {@code null}
 * @param invalidHtml  the widget's view of a rejected form, or {@code null}
 * @param marker       the placeholder for this portlet's URLs in {@code invalidHtml}, see
 *                     {@link PortletLinks#deferred}
 * @param typed        configuration values as the editor typed them, or {@code null}
 * @param errors       what is wrong with {@code typed}, per preference key
 */
record OneShot(StoredMessage notice, String invalidHtml, String marker, LinkedHashMap<String, String> typed,
        LinkedHashMap<String, StoredMessage> errors) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SESSION_ATTRIBUTE = "dev.participation.portlet.oneShot";

    /** What the last post left for this render of the portlet window, removed as it is read. */
    static OneShot take(PortletRequest request) {
        PortletSession session = request.getPortletSession(false);
        if (session == null) {
            return null;
        }
        Object value = session.getAttribute(SESSION_ATTRIBUTE);
        if (value == null) {
            return null;
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        // After the adapter is updated a slot written by the old bundle is of another class: drop it.
        return value instanceof OneShot shot ? shot : null;
    }

    /** Leaves this for the next render of the portlet window. */
    void keep(PortletRequest request) {
        request.getPortletSession(true).setAttribute(SESSION_ATTRIBUTE, this);
    }

    static OneShot notice(Message notice) {
        return new OneShot(StoredMessage.of(notice), null, null, null, null);
    }

    static OneShot invalidView(String html, String marker) {
        return new OneShot(null, html, marker, null, null);
    }

    static OneShot invalidPreferences(Map<String, String> typed, Map<String, Message> errors) {
        LinkedHashMap<String, StoredMessage> stored = new LinkedHashMap<>();
        errors.forEach((k, m) -> stored.put(k, StoredMessage.of(m)));
        return new OneShot(null, null, null, new LinkedHashMap<>(typed), stored);
    }

    Optional<Message> noticeMessage() {
        return notice == null ? Optional.empty() : Optional.of(notice.toMessage());
    }

    Map<String, Message> errorMessages() {
        Map<String, Message> messages = new LinkedHashMap<>();
        if (errors != null) {
            errors.forEach((k, m) -> messages.put(k, m.toMessage()));
        }
        return messages;
    }

    /** A {@link Message} in a form that survives session serialisation. */
    record StoredMessage(String key, ArrayList<Serializable> arguments) implements Serializable {

        private static final long serialVersionUID = 1L;

        static StoredMessage of(Message message) {
            ArrayList<Serializable> args = new ArrayList<>();
            for (Object a : message.arguments()) {
                // Message arguments are numbers and text in practice; anything else is kept as its
                // text so the session stays serialisable.
                args.add(a instanceof Serializable s ? s : String.valueOf(a));
            }
            return new StoredMessage(message.key(), args);
        }

        Message toMessage() {
            return new Message(key, List.copyOf(arguments));
        }
    }
}
