package dev.participation.bench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.api.widget.WidgetType;
import dev.participation.kit.form.PreferenceForm;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Template level: the kit's preference form and a small page rendered with the kit's
 * {@link Templates}, beside {@link #baseline()}, which builds the trivial servlet's short fixed page
 * with a StringBuilder. Results are read as ratios to the baseline (see {@link JmhMain}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TemplateBenchmarks {

    /** A page's content as a template sees it; public so FreeMarker can read the accessors. */
    public record Page(String title, String introduction, List<Item> items, String updated) {
    }

    public record Item(String title, String summary, String href) {
    }

    // Not constants, so the JIT cannot fold the baseline away.
    private String head;
    private String title;
    private String body;
    private String tail;

    private WidgetType type;
    private Messages messages;
    private PreferenceForm form;
    private Preferences stored;
    private PreferencesValidation invalid;
    private CsrfField csrf;
    private Templates templates;
    private Map<String, Object> page;

    @Setup
    public void setUp() {
        head = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
        title = "<title>Trivial</title>";
        body = "</head><body><p>Trivial servlet: the benchmark baseline.</p>";
        tail = "</body></html>\n";

        List<Choice> wards = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            // Content-named options: more than six, so the form draws a select.
            wards.add(Choice.named("ward-" + i, "Ward " + i + " & district"));
        }
        type = new WidgetType("consultation", "bench.widget", "bench.widget.description", "Participation", List.of(
                PreferenceDefinition.text("title", "bench.title", "bench.title.hint", "Have your say", true, 80),
                PreferenceDefinition.multilineText("intro", "bench.intro", "bench.intro.hint",
                        "Tell us what you think.\n\nRead [the plan](https://example.org/plan).", false, 2000),
                PreferenceDefinition.integer("count", "bench.count", null, 5, 1, 20),
                PreferenceDefinition.bool("showClosed", "bench.showClosed", null, false),
                PreferenceDefinition.choice("layout", "bench.layout", null, "full", true, List.of(
                        Choice.keyed("full", "bench.layout.full"), Choice.keyed("cards", "bench.layout.cards"),
                        Choice.keyed("list", "bench.layout.list"))),
                PreferenceDefinition.choice("ward", "bench.ward", "bench.ward.hint", "ward-1", true, wards)));
        LanguageBundles bundles = new LanguageBundles(TemplateBenchmarks.class, "dev/participation/bench/jmh/Language");
        messages = Messages.of(Locale.UK, bundles.forLocale(Locale.UK));
        form = new PreferenceForm();
        stored = type.defaults();
        invalid = type.validate(Map.of("title", "<b>Have</b> your say", "count", "twenty-one", "layout", "cards",
                "ward", "nowhere"));
        if (invalid.valid() || invalid.errors().size() != 2) {
            throw new IllegalStateException("The invalid input should give two errors: " + invalid.errors());
        }
        csrf = new CsrfField("_csrf", "c2VjcmV0LXRva2VuLWZvci1iZW5jaG1hcmtz");

        templates = Templates.of(TemplateBenchmarks.class, "/dev/participation/bench/jmh/templates");
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            items.add(new Item("Parks & <open> spaces " + i, "What should \"we\" do with the park's " + i
                    + " acres? <script>alert(1)</script>", "/consultations/" + i + "?from=home&view=full"));
        }
        page = new LinkedHashMap<>();
        page.put("page", new Page("Have your say", "We want to hear from you.\n\nRead [the plan](https://example.org/plan?a=1&b=2)"
                + " or visit https://example.org/more.\nThank you <em>all</em>.", List.copyOf(items), "1 March 2026"));
        // Fail at set-up, not in the middle of a measurement, if a template is broken.
        if (!pageTemplate().contains("&lt;script&gt;") || !preferenceForm().contains("govuk-select")
                || !preferenceFormWithErrors().contains("There is a problem")) {
            throw new IllegalStateException("A benchmark template does not render as expected");
        }
    }

    /** The trivial servlet's page, built with a StringBuilder: the unit every result is divided by. */
    @Benchmark
    public String baseline() {
        return new StringBuilder(160).append(head).append(title).append(body).append(tail).toString();
    }

    /** The editor's form for a widget type with six preferences (text, text area, number, checkbox, radios, select). */
    @Benchmark
    public String preferenceForm() {
        return form.render(type, messages, stored, Map.of(), "w1_", "/home/w1/configure", csrf, "/home", 2);
    }

    /** The same form shown again with two errors, an error summary and what the editor typed. */
    @Benchmark
    public String preferenceFormWithErrors() {
        return form.render(type, messages, invalid.values(), invalid.errors(), "w1_", "/home/w1/configure", csrf,
                "/home", 2);
    }

    /** A small page: heading macro, paragraphs(...) with links, five escaped items and two messages. */
    @Benchmark
    public String pageTemplate() {
        return templates.render("page.ftlh", page, messages);
    }
}
