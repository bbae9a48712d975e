package dev.participation.pledge.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.api.widget.Choice;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.PreferenceType;
import dev.participation.api.widget.PreferencesValidation;
import dev.participation.api.widget.WidgetType;
import dev.participation.testing.FakeWidgetRequest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PledgeWidgetTest {

    private final Pledges pledges = mock(Pledges.class);
    private final PledgeWidget widget = new PledgeWidget(pledges);

    static PublishedPledge published(String slug, String title) {
        PledgeContent content = new PledgeContent(title, Audience.CHILDREN_AND_YOUNG_PEOPLE, "Intro.", "",
                List.of(new Principle("space", "Space", "A safe place to talk.", "A safe place.", "", "",
                                List.of(new Commitment("space-1", "Running youth groups.", "Groups for you."))),
                        new Principle("voice", "Voice", "Your way of saying it.", "", "", "",
                                List.of(new Commitment("voice-1", "Training when you join.", "")))),
                List.of());
        return new PublishedPledge(1, slug, 2, Instant.parse("2025-01-20T09:00:00Z"), content, Map.of());
    }

    private static Map<String, String> prefs(String slug, String layout) {
        Map<String, String> p = new HashMap<>();
        p.put(PledgeWidget.PLEDGE, slug);
        p.put(PledgeWidget.LAYOUT, layout);
        p.put(PledgeWidget.PRINCIPLE, "");
        p.put(PledgeWidget.COMMITMENTS, "true");
        p.put(PledgeWidget.EASY_READ, "true");
        p.put(PledgeWidget.LEVEL, "2");
        return p;
    }

    private Document render(FakeWidgetRequest request) {
        return Jsoup.parseBodyFragment(widget.render(request).html());
    }

    @AfterEach
    void neverReadsDrafts() {
        verify(pledges, never()).drafts();
        verify(pledges, never()).draft(anyLong());
        verify(pledges, never()).history(anyLong());
    }

    @Test
    void typeIsConstantAndReadsNothing() {
        WidgetType type = widget.type();

        assertThat(widget.type()).isSameAs(type);
        verifyNoInteractions(pledges);
        assertThat(type.key()).isEqualTo("pledge");
        assertThat(type.category()).isEqualTo("Participation");
        PreferenceDefinition which = type.preference(PledgeWidget.PLEDGE).orElseThrow();
        assertThat(which.type()).isEqualTo(PreferenceType.CHOICE);
        assertThat(which.choicesFromData()).isTrue();
        assertThat(which.required()).isFalse();
        assertThat(type.preference(PledgeWidget.LEVEL).orElseThrow().max()).isEqualTo(4);
        assertThat(type.defaults().get(PledgeWidget.COMMITMENTS)).isEqualTo("true");
        assertThat(type.defaults().get(PledgeWidget.EASY_READ)).isEqualTo("true");
        // Resolving stored settings for a render keeps the chosen slug without listing pledges.
        assertThat(type.resolve(prefs("parents-charter", "cards")).get(PledgeWidget.PLEDGE))
                .isEqualTo("parents-charter");
        assertThat(type.validate(prefs("parents-charter", "nonsense")).valid()).isFalse();
        verifyNoInteractions(pledges);
        // Every label and hint has words.
        var words = widget.messages(Locale.UK);
        type.preferences().forEach(p -> {
            assertThat(words.containsKey(p.labelKey())).as(p.labelKey()).isTrue();
            assertThat(words.containsKey(p.hintKey())).as(p.hintKey()).isTrue();
        });
    }

    @Test
    void theSettingsFormOffersThePublishedPledgesByTitle() {
        when(pledges.published()).thenReturn(List.of(published("our-promise", "Our promise"),
                published("parents-charter", "Parents' charter")));

        PreferenceDefinition which = widget.type().preference(PledgeWidget.PLEDGE).orElseThrow();
        PreferenceDefinition layout = widget.type().preference(PledgeWidget.LAYOUT).orElseThrow();

        assertThat(widget.choices(which)).containsExactly(Choice.named("our-promise", "Our promise"),
                Choice.named("parents-charter", "Parents' charter"));
        assertThat(widget.choices(layout)).extracting(Choice::value).containsExactly("full", "cards", "principle");
    }

    @Test
    void savingAPledgeThatIsNoLongerPublishedIsRefusedWithAReason() {
        when(pledges.published("parents-charter")).thenReturn(Optional.of(published("parents-charter", "Parents")));
        when(pledges.published("withdrawn")).thenReturn(Optional.empty());
        WidgetType type = widget.type();

        PreferencesValidation refused = type.validate(prefs("withdrawn", "cards")).and(widget::validate);
        PreferencesValidation accepted = type.validate(prefs("parents-charter", "cards")).and(widget::validate);
        PreferencesValidation first = type.validate(prefs("", "cards")).and(widget::validate);

        assertThat(refused.errors()).containsOnlyKeys(PledgeWidget.PLEDGE);
        String words = widget.messages(Locale.UK).getString(refused.errors().get(PledgeWidget.PLEDGE).key());
        assertThat(words).contains("no longer published");
        assertThat(refused.values().get(PledgeWidget.PLEDGE)).isEqualTo("withdrawn");
        assertThat(accepted.valid()).isTrue();
        assertThat(first.valid()).isTrue();
    }

    @Test
    void showsTheChosenPublishedPledge() {
        when(pledges.published("our-promise")).thenReturn(Optional.of(published("our-promise", "Our promise")));

        Document doc = render(FakeWidgetRequest.on("pledge").preferences(prefs("our-promise", "full")));

        assertThat(doc.select("h2").text()).isEqualTo("Our promise");
        assertThat(doc.select("h3").eachText()).containsExactly("Space", "Voice");
        assertThat(doc.select("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/w/pledge/pledge.css");
        verify(pledges, never()).published();
    }

    @Test
    void evidenceApprovedAndVersionsPublishedSinceTheLastViewShowOnTheNext() {
        PublishedPledge first = published("our-promise", "Our promise");
        when(pledges.published("our-promise")).thenReturn(Optional.of(first));
        FakeWidgetRequest request = FakeWidgetRequest.on("pledge").preferences(prefs("our-promise", "full"));
        assertThat(render(request).select(".pw-pledge__evidence")).isEmpty();

        Evidence groups = new Evidence(5, "space-1", LocalDate.parse("2025-03-01"), "Two new groups opened.", "",
                "staff-1", Instant.parse("2025-03-02T10:00:00Z"), "editor-1");
        when(pledges.published("our-promise")).thenReturn(Optional.of(new PublishedPledge(first.id(), first.slug(),
                first.version(), first.publishedAt(), first.content(), Map.of("space-1", new EvidenceSummary(1, groups)))));
        assertThat(render(request).select(".pw-pledge__evidence-text").text()).isEqualTo("Two new groups opened.");

        PublishedPledge renamed = published("our-promise", "Our renewed promise");
        when(pledges.published("our-promise")).thenReturn(Optional.of(new PublishedPledge(first.id(), first.slug(),
                first.version() + 1, Instant.parse("2025-04-01T09:00:00Z"), renamed.content(), Map.of())));
        Document latest = render(request);
        assertThat(latest.select("h2").text()).isEqualTo("Our renewed promise");
        assertThat(latest.select(".pw-pledge__evidence")).isEmpty();
    }

    @Test
    void withoutAChoiceShowsTheFirstPublishedPledge() {
        when(pledges.published()).thenReturn(List.of(published("first", "First promise"),
                published("second", "Second promise")));

        Document doc = render(FakeWidgetRequest.on("pledge").preferences(prefs("", "full")));

        assertThat(doc.select("h2").text()).isEqualTo("First promise");
    }

    @Test
    void nothingPublishedGivesAFriendlyMessage() {
        when(pledges.published()).thenReturn(List.of());

        Document doc = render(FakeWidgetRequest.on("pledge").preferences(prefs("", "full")));

        assertThat(doc.select("h2").text()).isEqualTo("Nothing to show yet");
        assertThat(doc.text()).contains("has not published this yet");
    }

    @Test
    void anUnpublishedOrUnknownPledgeGivesAFriendlyMessage() {
        when(pledges.published("not-yet")).thenReturn(Optional.empty());

        Document doc = render(FakeWidgetRequest.on("pledge").preferences(prefs("not-yet", "cards")));

        assertThat(doc.text()).contains("Nothing to show yet", "Please come back soon");
        assertThat(doc.select("ol, ul")).isEmpty();
    }

    @Test
    void easyReadSwitchWorksByLinkAndKeepsTheChoiceInEveryLink() {
        when(pledges.published("our-promise")).thenReturn(Optional.of(published("our-promise", "Our promise")));

        Document standard = render(FakeWidgetRequest.on("pledge").preferences(prefs("our-promise", "cards")));
        assertThat(standard.select("nav a").attr("href")).isEqualTo("/pledge?read=easy");
        assertThat(standard.select(".pw-pledge-card a").eachAttr("href"))
                .containsExactly("/pledge?part=space", "/pledge?part=voice");
        assertThat(standard.text()).contains("A safe place to talk.");

        Document easy = render(FakeWidgetRequest.on("pledge").preferences(prefs("our-promise", "cards")).with("read", "easy"));
        assertThat(easy.text()).contains("You are reading the easy read version", "A safe place.")
                .doesNotContain("A safe place to talk.");
        assertThat(easy.select("nav a").attr("href")).isEqualTo("/pledge?read=standard");
        assertThat(easy.select(".pw-pledge-card a").eachAttr("href"))
                .containsExactly("/pledge?part=space&read=easy", "/pledge?part=voice&read=easy");
    }

    @Test
    void aCardOpensItsPartWithAWayBack() {
        when(pledges.published("our-promise")).thenReturn(Optional.of(published("our-promise", "Our promise")));

        Document doc = render(FakeWidgetRequest.on("pledge").preferences(prefs("our-promise", "cards")).with("part", "voice")
                .with("read", "easy"));

        assertThat(doc.select("h2").eachText()).containsExactly("Voice");
        assertThat(doc.select("ol > li").eachText()).containsExactly("Training when you join.");
        assertThat(doc.select("a.govuk-back-link").attr("href")).isEqualTo("/pledge?read=easy");
        assertThat(doc.select("nav a").attr("href")).isEqualTo("/pledge?part=voice&read=standard");
    }

    @Test
    void easyReadIsNotOfferedWhenTheEditorTurnedItOff() {
        when(pledges.published("our-promise")).thenReturn(Optional.of(published("our-promise", "Our promise")));
        Map<String, String> p = prefs("our-promise", "full");
        p.put(PledgeWidget.EASY_READ, "false");

        Document doc = render(FakeWidgetRequest.on("pledge").preferences(p).with("read", "easy"));

        assertThat(doc.select("nav")).isEmpty();
        assertThat(doc.text()).contains("A safe place to talk.").doesNotContain("easy read version");
    }

    @Test
    void onePartLayoutFindsThePartByTitleOrKey() {
        when(pledges.published("our-promise")).thenReturn(Optional.of(published("our-promise", "Our promise")));
        Map<String, String> p = prefs("our-promise", "principle");
        p.put(PledgeWidget.PRINCIPLE, " voice ");
        p.put(PledgeWidget.LEVEL, "3");

        assertThat(render(FakeWidgetRequest.on("pledge").preferences(p)).select("h3").eachText()).containsExactly("Voice");
        p.put(PledgeWidget.PRINCIPLE, "VOICE");
        assertThat(render(FakeWidgetRequest.on("pledge").preferences(p)).select("h3").eachText()).containsExactly("Voice");
        p.put(PledgeWidget.PRINCIPLE, "no such part");
        assertThat(render(FakeWidgetRequest.on("pledge").preferences(p)).select("h3").eachText()).containsExactly("Space");
    }
}
