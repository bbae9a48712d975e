package dev.participation.bench.jmh;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.pledge.internal.view.PledgeRenderer;
import dev.participation.pledge.internal.view.PledgeViewOptions;
import dev.participation.pledge.internal.view.PledgeViewOptions.Layout;
import dev.participation.pledge.internal.widget.PledgeDemoContent;
import dev.participation.pledge.internal.widget.PledgeWidget;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pledge widget's rendering alone: {@link PledgeRenderer#render} on the demo's five-part
 * promise to children and young people (16 commitments, two signatories, one piece of evidence),
 * with the options and the {@link Messages} the widget builds for a visitor in {@code en-GB}. No
 * store, no request, no HTTP: the pledge is read once at set-up, so the figure is the cost of
 * turning published content into the HTML fragment (FreeMarker, plain-text rules, dates).
 * It leaves out the widget's thin wrapper ({@code widget.ftlh}, which adds the stylesheet link and
 * the back link) and the lookup of the published pledge.
 *
 * <p>Each case is measured twice: as throughput in ops/s (ratios to
 * {@link TemplateBenchmarks#baseline()}, like every other benchmark here) and as sampled time per
 * render in microseconds, whose median (p0.50) {@link JmhMain} prints in its second table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PledgeBenchmarks {

    // As the widget places them on the demo's pledge page (see PledgeDemoContent and PledgeWidget).
    private static final String DEMO_PREFIX = "cyp";
    private static final int LEVEL = 2;
    private static final String PAGE = "/pledge";
    private static final String NAMESPACE = "w7_";

    private PledgeRenderer renderer;
    private PledgeContent content;
    private Map<String, EvidenceSummary> evidence;
    private Messages messages;
    private PledgeViewOptions full;
    private PledgeViewOptions cards;
    private PledgeViewOptions fullEasyRead;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        renderer = new PledgeRenderer();
        content = demoPledge();
        // The demo's one piece of evidence, as the store summarises it for the public view.
        evidence = Map.of("influence-1", new EvidenceSummary(1, new Evidence(1, "influence-1",
                LocalDate.of(2025, 3, 12), "The Youth Cabinet asked for more quiet rooms in our youth centres. Two"
                        + " centres opened a quiet room in March, and the cabinet visited both to check they work"
                        + " for young people.", "", "editor", Instant.parse("2025-03-13T09:30:00Z"), "editor")));
        // The widget's own combined bundle (PledgeWidget.WORDS is package-private; same files, same order).
        LanguageBundles words = new LanguageBundles(PledgeWidget.class, "dev/participation/pledge/widget/Language",
                "dev/participation/pledge/shared/Language");
        messages = Messages.of(Locale.UK, words.forLocale(Locale.UK));

        // The demo widgets offer easy read and show commitments; the toggle links to the other wording.
        boolean offered = content.hasEasyRead();
        full = new PledgeViewOptions(Layout.FULL, true, false, LEVEL, "", view(Map.of("read", "easy")), offered);
        fullEasyRead = new PledgeViewOptions(Layout.FULL, true, true, LEVEL, "", view(Map.of("read", "standard")),
                offered);
        Map<String, String> cardLinks = new LinkedHashMap<>();
        for (Principle p : content.principles()) {
            cardLinks.put(p.key(), view(Map.of("part", p.key())));
        }
        cards = new PledgeViewOptions(Layout.CARDS, true, false, LEVEL, "", view(Map.of("read", "easy")), offered,
                cardLinks);

        // Fail at set-up, not in the middle of a measurement, if the content or a template is not as expected.
        if (content.principles().size() != 5 || !offered) {
            throw new IllegalStateException("The demo pledge should have five parts and easy-read wording");
        }
        String f = renderFull();
        String c = renderCards();
        String e = renderFullEasyRead();
        if (!f.contains("pw-pledge__commitment") || !f.contains("Two centres opened a quiet room")
                || f.contains("pw-pledge__easy-read-note")
                || !c.contains("pw-pledge-card__title") || !c.contains(NAMESPACE + "part=voice")
                || !e.contains("pw-pledge__easy-read-note") || !e.contains("We will give you a safe place to talk.")) {
            throw new IllegalStateException("The pledge does not render as expected");
        }
    }

    /** Every part with its commitments, evidence and signatories, in standard wording. */
    @Benchmark
    public String renderFull() {
        return renderer.render(content, evidence, full, messages);
    }

    /** One card per part: title, promise, number of commitments and a "read more" link. */
    @Benchmark
    public String renderCards() {
        return renderer.render(content, evidence, cards, messages);
    }

    /** The full layout in easy-read wording (with the easy-read note). */
    @Benchmark
    public String renderFullEasyRead() {
        return renderer.render(content, evidence, fullEasyRead, messages);
    }

    // The same three, as sampled time per render: JMH's table gives p0.50 (the median), p0.90, p0.99, ...

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String renderFullTime() {
        return renderer.render(content, evidence, full, messages);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String renderCardsTime() {
        return renderer.render(content, evidence, cards, messages);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String renderFullEasyReadTime() {
        return renderer.render(content, evidence, fullEasyRead, messages);
    }

    /**
     * The demo's promise to children and young people, built by the demo's own code:
     * {@code PledgeDemoContent.content(ResourceBundle, String)} is package-private, and the benchmarks
     * run on a plain class path (no OSGi, no module system), so reflection reaches it.
     */
    private static PledgeContent demoPledge() throws ReflectiveOperationException {
        ResourceBundle demo = new LanguageBundles(PledgeDemoContent.class, "dev/participation/pledge/demo/Demo")
                .forLocale(Locale.ROOT);
        Method build = PledgeDemoContent.class.getDeclaredMethod("content", ResourceBundle.class, String.class);
        build.setAccessible(true);
        return (PledgeContent) build.invoke(null, demo, DEMO_PREFIX);
    }

    /** A link to the widget's own view, shaped like the host's (namespaced, encoded parameters). */
    private static String view(Map<String, String> parameters) {
        StringBuilder href = new StringBuilder(PAGE);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            href.append(separator).append(NAMESPACE).append(p.getKey()).append('=').append(p.getValue());
            separator = '&';
        }
        return href.toString();
    }
}
