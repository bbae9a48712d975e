package dev.participation.events.internal.staff;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.internal.store.SessionMessageStore;
import dev.participation.kit.form.TextChecks;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Screen;

/**
 * A message to everyone booked on a session, and to those waiting if staff tick the box: a
 * subject and text, emailed to each address once. People who gave only a phone number cannot be
 * emailed: the notice says how many, and the session page marks them, so staff call them.
 */
final class MessageScreens {

    static final String WAITING = "waiting";
    static final String[] FIELDS = {"subject", "body", WAITING};
    static final int SUBJECT_MAX = 150;
    static final int BODY_MAX = 5000;
    private static final TextChecks TEXT = new TextChecks("events.error.required", "events.error.tooLong",
            "events.error.characters");

    private final SessionMessageStore messages;

    MessageScreens(SessionMessageStore messages) {
        this.messages = messages;
    }

    static Form fresh() {
        return Form.of(FIELDS);
    }

    WidgetView form(Screen s, SessionAt at, Form form) {
        return s.view(s.text("events.staff.message.title", at.title()), "message.ftlh",
                new MessageView(at.title(), at.when(s), at.session().placesTaken(), at.session().waiting(),
                        SUBJECT_MAX, BODY_MAX, s.href(at.path(""))), form);
    }

    PostOutcome send(Screen s, SessionAt at) {
        Form form = Form.read(s.request(), FIELDS);
        Map<String, Message> problems = new LinkedHashMap<>();
        TEXT.required(problems, "subject", form.text("subject"), SUBJECT_MAX);
        TEXT.required(problems, "body", form.text("body"), BODY_MAX);
        problems.forEach(form::reject);
        if (!form.valid()) {
            return s.invalid(form(s, at, form));
        }
        SessionMessageStore.Sent sent = messages.send(at.id(), "true".equals(form.text(WAITING)), form.text("subject"),
                form.raw("body").strip(), s.actor());
        return s.done(at.path(""), sent.phoneOnly().isEmpty() ? "events.staff.message.sent"
                : "events.staff.message.sentCallOthers", sent.emailed(), sent.phoneOnly().size());
    }

    /** The view model of {@code message.ftlh}: the values themselves come from the form. */
    public record MessageView(String title, String when, int booked, int waiting, int subjectMax, int bodyMax,
            String back) {
    }
}
