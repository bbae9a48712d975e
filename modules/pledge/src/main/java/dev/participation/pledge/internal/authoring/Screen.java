package dev.participation.pledge.internal.authoring;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * One request to a staff page, with what every screen needs: the request's words, the bundle's
 * templates, links inside the page and the person acting.
 */
final class Screen {

    private final StaffRequest request;
    private final Messages messages;
    private final Templates templates;
    private final Clock clock;

    Screen(StaffRequest request, Messages messages, Templates templates, Clock clock) {
        this.request = request;
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
    }

    StaffRequest request() {
        return request;
    }

    Messages messages() {
        return messages;
    }

    Clock clock() {
        return clock;
    }

    String text(String key, Object... arguments) {
        return messages.get(key, arguments);
    }

    /** The path below the page, split at slashes, without empty segments. */
    List<String> segments() {
        return Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
    }

    String parameter(String name) {
        return request.parameter(name).orElse("");
    }

    /** A link to somewhere inside this staff page: {@code href("12/details")}. */
    String href(String path) {
        return request.links().page() + path;
    }

    /**
     * Who the audit log and the history name for a change: the account, never the display name,
     * which its owner can change and so could use to hide who did what.
     */
    String actor() {
        return request.signedIn().id();
    }

    WidgetView view(String title, String template, Map<String, ?> model) {
        return view(title, template, model, Form.empty());
    }

    WidgetView view(String title, String template, Map<String, ?> model, Form form) {
        Map<String, Object> data = new LinkedHashMap<>(model);
        String ns = request.namespace();
        data.put("ns", ns);
        data.put("csrf", request.csrf());
        // A form shown again elsewhere (a removed principle's words, offered as a new one) posts there.
        data.putIfAbsent("action", request.links().action());
        data.put("page", request.links().page());
        data.put("form", form.values());
        data.put("errors", form.fieldErrors(messages));
        data.put("errorSummary", form.summary(ns, messages));
        data.put("conflict", form.conflict());
        return WidgetView.titled(title, templates.render(template, data, messages));
    }

    PostOutcome invalid(WidgetView view) {
        return PostOutcome.invalid(view);
    }

    /** Back to {@code path} with a notice the host translates with this page's words. */
    PostOutcome done(String path, String noticeKey, Object... arguments) {
        return PostOutcome.done(href(path), Message.of(noticeKey, arguments));
    }
}
