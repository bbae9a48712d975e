package dev.participation.sketch;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Times;

/**
 * Paths below {@code /intranet/noticeboard/}: {@code ""} (every notice), {@code new} (add one) and
 * {@code {id}} (change one); both forms post the {@value #SAVE} action.
 */
final class NoticeScreens {

    static final String SAVE = "save";
    private static final String[] FIELDS = {"title", "text", "until-day", "until-month", "until-year", "revision"};

    private final Notices notices;

    NoticeScreens(Notices notices) {
        this.notices = notices;
    }

    Endpoint route(Screen s) {
        List<String> path = s.segments();
        if (path.isEmpty()) {
            return Endpoint.view(this::list);
        }
        if (path.size() == 1 && "new".equals(path.get(0))) {
            return Endpoint.of(x -> form(x, null, Form.of(FIELDS)), SAVE, x -> save(x, null));
        }
        if (path.size() == 1 && path.get(0).matches("\\d{1,18}")) {
            Notice notice = notices.find(Long.parseLong(path.get(0)))
                    .orElseThrow(() -> new NotFound("notice " + path.get(0)));
            return Endpoint.of(x -> form(x, notice, drawn(notice)), SAVE, x -> save(x, notice));
        }
        throw new NotFound(s.request().path());
    }

    private WidgetView list(Screen s) {
        List<Row> rows = notices.all().stream().map(n -> new Row(n.content().title(),
                n.content().until() == null ? s.text("sketch.staff.noEnd")
                        : Times.date(n.content().until(), s.messages()),
                s.href(Long.toString(n.id())))).toList();
        return s.view(s.text("sketch.staff.title"), "staff-list.ftlh", new NoticeList(rows, s.href("new")));
    }

    private static WidgetView form(Screen s, Notice notice, Form form) {
        return s.view(s.text(notice == null ? "sketch.staff.new" : "sketch.staff.edit"), "staff-form.ftlh",
                new Editing(s.href("")), form);
    }

    /** Adds a notice ({@code notice} null) or changes one; what was typed stays in the form on any refusal. */
    private PostOutcome save(Screen s, Notice notice) {
        Form form = Form.read(s.request(), FIELDS);
        form.absorb(new NoticeText(form.text("title"), form.text("text"), null).problems(), "");
        Optional<LocalDate> until = until(form);
        if (!form.valid()) {
            return s.invalid(form(s, notice, form));
        }
        NoticeText text = new NoticeText(form.text("title"), form.text("text"), until.orElse(null));
        try {
            if (notice == null) {
                notices.add(text, s.actor());
            } else {
                String revision = form.text("revision");
                notices.change(notice.id(), revision.matches("\\d{1,9}") ? Integer.parseInt(revision) : 0, text,
                        s.actor());
            }
        } catch (Notices.Changed e) {
            // Saving again replaces what the other person saved, now that this person has been told.
            form.set("revision", Integer.toString(e.now().revision())).anchor("revision", "title")
                    .reject("revision", "sketch.error.changed");
            return s.invalid(form(s, notice, form));
        }
        return s.done("", "sketch.staff.saved", text.title());
    }

    /** The last day is optional: three empty boxes mean none; anything typed must be a real date. */
    private static Optional<LocalDate> until(Form form) {
        boolean empty = Stream.of(DateInput.fields("until")).allMatch(field -> form.text(field).isEmpty());
        return empty ? Optional.empty() : DateInput.read(form, "until", null);
    }

    private static Form drawn(Notice notice) {
        Form form = Form.of(FIELDS).set("title", notice.content().title()).set("text", notice.content().text())
                .set("revision", Integer.toString(notice.revision()));
        if (notice.content().until() != null) {
            DateInput.fill(form, "until", notice.content().until());
        }
        return form;
    }

    /** The view model of {@code staff-list.ftlh}. */
    public record NoticeList(List<Row> rows, String add) {
    }

    public record Row(String title, String until, String edit) {
    }

    /** The view model of {@code staff-form.ftlh}: the fields themselves come from the form. */
    public record Editing(String cancel) {
    }
}
