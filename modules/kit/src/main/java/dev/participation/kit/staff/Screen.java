package dev.participation.kit.staff;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * One request to a staff page, with what every screen needs: the request's words, the bundle's
 * templates, links inside the page, the person acting and the time zone to show times in.
 */
public final class Screen {

    private final StaffRequest request;
    private final Messages messages;
    private final Templates templates;
    private final Clock clock;
    private final Function<String, Optional<Person>> accounts;
    private final Map<String, String> names = new HashMap<>();

    Screen(StaffRequest request, Messages messages, Templates templates, Clock clock,
            Function<String, Optional<Person>> accounts) {
        this.request = request;
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
        this.accounts = accounts;
    }

    public StaffRequest request() {
        return request;
    }

    public Messages messages() {
        return messages;
    }

    public Clock clock() {
        return clock;
    }

    /** The time zone this person reads times in, as the host says (the portal's or the person's). */
    public ZoneId zone() {
        return request.timeZone();
    }

    /** An instant as a date and time in {@link #zone()}, in the request's language. */
    public String dateTime(java.time.Instant instant) {
        return Times.dateTime(instant, zone(), messages);
    }

    /** Today's date where this person is: what "not in the future" is measured against. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(zone()));
    }

    public String text(String key, Object... arguments) {
        return messages.get(key, arguments);
    }

    /** A message (perhaps with message arguments of its own) in this request's words. */
    public String text(Message message) {
        return Form.text(messages, message);
    }

    /** The path below the page, split at slashes, without empty segments. */
    public List<String> segments() {
        return Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
    }

    public String parameter(String name) {
        return request.parameter(name).orElse("");
    }

    /** A link to somewhere inside this staff page: {@code href("12/details")}. */
    public String href(String path) {
        return request.links().page() + path;
    }

    /**
     * Who the audit log and the history name for a change: the account, never the display name,
     * which its owner can change and so could use to hide who did what.
     */
    public String actor() {
        return request.signedIn().id();
    }

    /**
     * How a screen names the account that did something: its display name today with the id
     * ("Edith Evans (edith)"), or the id alone for an account that is gone. Looked up once per
     * screen however often the account appears.
     */
    public String who(String accountId) {
        return names.computeIfAbsent(accountId, id -> accounts.apply(id).map(Person::displayName)
                .filter(name -> !name.isBlank() && !name.equals(id))
                .map(name -> text("staff.actorNamed", name, id)).orElse(id));
    }

    /**
     * A screen with nothing typed.
     *
     * @param view the screen's view model: a public record whose accessors the template reads
     */
    public WidgetView view(String title, String template, Record view) {
        return view(title, template, view, Form.empty());
    }

    /** A screen with a form, as drawn or as typed with its errors. */
    public WidgetView view(String title, String template, Record view, Form form) {
        Map<String, Object> shared = form.templateValues(request, messages);
        shared.put("page", request.links().page());
        // Absent unless the form was refused: templates test it with ?? or ?has_content.
        shared.put("conflict", form.conflict().orElse(null));
        return WidgetView.titled(title, templates.render(template, view, shared, messages));
    }

    /** The kit's "are you sure?" page before something is removed. */
    public WidgetView confirmRemove(String title, ConfirmRemove confirm) {
        return view(title, "kit/confirm-remove.ftlh", confirm);
    }

    public PostOutcome invalid(WidgetView view) {
        return PostOutcome.invalid(view);
    }

    /**
     * The form drawn again as the person asked (one more row, one fewer), nothing wrong in it.
     *
     * @since 1.3
     */
    public PostOutcome redrawn(WidgetView view) {
        return PostOutcome.redrawn(view);
    }

    /** Back to {@code path} with a notice the host translates with this page's words. */
    public PostOutcome done(String path, String noticeKey, Object... arguments) {
        return PostOutcome.done(href(path), Message.of(noticeKey, arguments));
    }
}
