package dev.participation.sketch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Times;
import dev.participation.kit.template.Templates;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The public noticeboard: the notices still current where the visitor is, newest first. */
@Component(service = Widget.class)
public final class NoticeboardWidget implements Widget {

    /** Preference: how many notices to show at most. */
    public static final String COUNT = "count";
    static final String TEMPLATES = "/dev/participation/sketch/templates";
    static final LanguageBundles WORDS = new LanguageBundles(NoticeboardWidget.class,
            "dev/participation/sketch/Language");

    /** The host validates the count against these limits before it is stored. */
    public static final WidgetType TYPE = new WidgetType("noticeboard", "sketch.name", "sketch.description",
            "Participation", List.of(PreferenceDefinition.integer(COUNT, "sketch.pref.count",
                    "sketch.pref.count.hint", 5, 1, 20)));

    private final Notices notices;
    private final Clock clock;
    private final Templates templates = Templates.of(NoticeboardWidget.class, TEMPLATES);

    @Activate
    public NoticeboardWidget(@Reference Notices notices, @Reference Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public WidgetType type() {
        return TYPE;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return WORDS.forLocale(locale);
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        Messages messages = Messages.of(request.locale(), messages(request.locale()));
        // "Until Friday" means until Friday where the visitor is, not where the server is.
        LocalDate today = clock.instant().atZone(request.timeZone()).toLocalDate();
        List<Shown> shown = notices.current(today, request.preferences().getInt(COUNT, 5)).stream()
                .map(n -> new Shown(n.content().title(), n.content().text(),
                        n.content().until() == null ? "" : Times.date(n.content().until(), messages)))
                .toList();
        return WidgetView.of(templates.render("board.ftlh", new Board(shown), Map.of(), messages));
    }

    /** The view model of {@code board.ftlh}. */
    public record Board(List<Shown> notices) {
    }

    /** One notice as shown: its last day already in the visitor's words, or empty. */
    public record Shown(String title, String text, String until) {
    }
}
