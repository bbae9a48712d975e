package dev.participation.host.internal.widget;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;
import dev.participation.host.internal.web.Site;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A heading and a few paragraphs an editor writes, for the top of a page. Editors write plain
 * text with {@code [links](https://...)}, never HTML, so nothing they type can break a page.
 * It has no page of its own: it only introduces other pages.
 */
@Component(service = Widget.class, property = WidgetRegistry.OWN_PAGE + ":Boolean=false")
public final class IntroductionWidget implements Widget {

    public static final String KEY = "introduction";
    public static final String HEADING = "heading";
    public static final String TEXT = "text";
    public static final String LEVEL = "headingLevel";

    private static final WidgetType TYPE = new WidgetType(KEY, "introduction.name", "introduction.description",
            "Content", List.of(
                    PreferenceDefinition.text(HEADING, "introduction.heading", "introduction.heading.hint", "", true, 120),
                    PreferenceDefinition.multilineText(TEXT, "introduction.text", "introduction.text.hint", "", false, 4000),
                    PreferenceDefinition.integer(LEVEL, "introduction.level", "introduction.level.hint", 2, 2, 4)));

    /** More than any portal places; past it the kept introductions are dropped and drawn again as asked. */
    private static final int MOST_KEPT = 256;

    private final Site site;
    /**
     * Introductions as drawn, by what they are drawn from: the same few are shown on every page
     * view, they change only when an editor saves new words, and drawing one took an eighth of a
     * pledge page's time.
     */
    private final Map<Drawn, String> drawn = new ConcurrentHashMap<>();

    /** Everything an introduction's HTML depends on. */
    private record Drawn(String heading, String text, int level, String namespace, Locale locale) {
    }

    @Activate
    public IntroductionWidget(@Reference Site site) {
        this.site = site;
    }

    @Override
    public WidgetType type() {
        return TYPE;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return site.words(locale);
    }

    /** Its text is the editor's alone: no parameter changes it, so one copy serves every query. */
    @Override
    public Optional<Set<String>> viewParameters() {
        return Optional.of(Set.of());
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        Preferences p = request.preferences();
        Drawn introduction = new Drawn(p.get(HEADING), p.get(TEXT), p.getInt(LEVEL, 2), request.namespace(),
                request.locale());
        String html = drawn.get(introduction);
        if (html == null) {
            html = draw(introduction);
            if (drawn.size() >= MOST_KEPT) {
                drawn.clear();
            }
            drawn.put(introduction, html);
        }
        return WidgetView.of(html);
    }

    private String draw(Drawn introduction) {
        int level = introduction.level();
        return site.templates().render("introduction.ftlh", Map.of(
                "heading", introduction.heading(),
                "text", introduction.text(),
                "level", level,
                // A level-2 introduction opens the page, so it reads larger than a section heading.
                "headingClass", level == 2 ? "govuk-heading-l" : "govuk-heading-m",
                "id", introduction.namespace() + "title"), site.messages(introduction.locale()));
    }
}
