package dev.participation.kit.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Message;
import dev.participation.kit.i18n.Messages;

/**
 * What a form holds: the values exactly as typed (so nothing is lost when it is shown again) and
 * an error per field, in the order the fields appear.
 */
public final class Form {

    private final List<String> fields;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Message> errors = new LinkedHashMap<>();
    private final Map<String, String> anchors = new LinkedHashMap<>();
    private Conflict conflict;
    private String action;

    private Form(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Form empty() {
        return new Form(List.of());
    }

    /** A form with these fields, empty. */
    public static Form of(String... fields) {
        Form form = new Form(List.of(fields));
        for (String f : fields) {
            form.values.put(f, "");
        }
        return form;
    }

    /** A form with these fields as the request carries them. */
    public static Form read(HostRequest request, String... fields) {
        Form form = of(fields);
        for (String f : fields) {
            form.values.put(f, request.parameter(f).orElse(""));
        }
        return form;
    }

    public Form set(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    /** Where the error summary's link for a field lands, when that is not the field's own id. */
    public Form anchor(String field, String id) {
        anchors.put(field, id);
        return this;
    }

    /** Posts this form somewhere other than the address it is shown at. */
    public Form postTo(String href) {
        this.action = href;
        return this;
    }

    /** Where the form posts, when not to the address it is shown at. */
    public Optional<String> action() {
        return Optional.ofNullable(action);
    }

    /** The value as typed. */
    public String raw(String field) {
        return values.getOrDefault(field, "");
    }

    /** The value without surrounding blanks, as it is saved. */
    public String text(String field) {
        return raw(field).strip();
    }

    /** Records an error for a field unless it already has one (the first problem is the one to fix). */
    public Form reject(String field, Message message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public Form reject(String field, String key, Object... arguments) {
        return reject(field, Message.of(key, arguments));
    }

    /** Marks the form as refused because someone else changed what it edits meanwhile. */
    public Form conflict(Conflict conflict) {
        this.conflict = conflict;
        return this;
    }

    /** What the conflict banner shows, or empty when there was no conflict. */
    public Optional<Conflict> conflict() {
        return Optional.ofNullable(conflict);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, Message> errors() {
        return errors;
    }

    /**
     * Takes a service's field errors: those under {@code prefix} that name one of this form's
     * fields land beside it; any others (a problem elsewhere in what is edited) are listed in the
     * summary, linked to the form's first field.
     */
    public Form absorb(Map<String, Message> problems, String prefix) {
        problems.forEach((path, message) -> {
            String local = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
            if (local != null && (fields.contains(local) || anchors.containsKey(local))) {
                reject(local, message);
            } else {
                String first = fields.isEmpty() ? "" : fields.get(0);
                errors.putIfAbsent("elsewhere:" + path,
                        Message.of("staff.error.elsewhere", path, new MessageRef(message)));
                anchors.putIfAbsent("elsewhere:" + path, first);
            }
        });
        return this;
    }

    /** Each field's error text, for the message beside it. */
    public Map<String, String> fieldErrors(Messages messages) {
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach((field, message) -> texts.put(field, text(messages, message)));
        return texts;
    }

    /**
     * What every form's template reads, staff or public: the host's namespace ({@code ns}), its
     * CSRF field, where the form posts ({@code action}), the values typed ({@code form}), each
     * field's error ({@code errors}) and the error summary ({@code errorSummary}). A page adds its
     * own values to the map.
     */
    public Map<String, Object> templateValues(HostRequest request, Messages messages) {
        String ns = request.namespace();
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("ns", ns);
        shared.put("csrf", request.csrf());
        // A form shown again elsewhere (a removed item's words, offered as a new one) posts there.
        shared.put("action", action().orElse(request.links().action()));
        shared.put("form", values());
        shared.put("errors", fieldErrors(messages));
        shared.put("errorSummary", summary(ns, messages));
        return shared;
    }

    /** Error summary entries: the id each link lands on, and the text. */
    public Map<String, String> summary(String namespace, Messages messages) {
        Map<String, String> summary = new LinkedHashMap<>();
        errors.forEach((field, message) -> summary.put(namespace + anchors.getOrDefault(field, field),
                text(messages, message)));
        return summary;
    }

    public static String text(Messages messages, Message message) {
        Object[] arguments = message.arguments().stream()
                .map(a -> a instanceof MessageRef ref ? messages.get(ref.message()) : a).toArray();
        return messages.get(message.key(), arguments);
    }

    /** A message used as another message's argument, translated when shown. */
    public record MessageRef(Message message) {
        @Override
        public String toString() {
            return message.key();
        }
    }
}
