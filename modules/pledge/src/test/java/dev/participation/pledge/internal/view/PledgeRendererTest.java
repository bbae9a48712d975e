package dev.participation.pledge.internal.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.pledge.internal.view.PledgeViewOptions.Layout;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class PledgeRendererTest {

    private static final ResourceBundle WORDS = new LanguageBundles(PledgeRendererTest.class,
            "dev/participation/pledge/widget/Language", "dev/participation/pledge/shared/Language")
            .forLocale(Locale.UK);

    private final PledgeRenderer renderer = new PledgeRenderer();

    static PledgeContent sample() {
        return new PledgeContent("Our promise", Audience.CHILDREN_AND_YOUNG_PEOPLE,
                "Why we made this promise.", "Why we promise.",
                List.of(new Principle("space", "Space", "A safe place to talk.", "A safe place.",
                                "https://example.org/space.png", "Young people talking on beanbags",
                                List.of(new Commitment("space-1", "Running youth groups.", "Groups for you."),
                                        new Commitment("space-2", "Meeting where you like.", ""))),
                        new Principle("voice", "Voice", "Your way of saying it.", "", "", "",
                                List.of(new Commitment("voice-1", "Training when you join.", ""))),
                        new Principle("impact", "Impact", "You hear what changed.", "", "", "", List.of())),
                List.of(new Signatory("Councillor Ada Jones", "Lead Member", LocalDate.of(2025, 1, 20)),
                        new Signatory("Youth Cabinet", "", LocalDate.of(2025, 1, 21))));
    }

    @Test
    void evidenceLinksThatAreNotHttpsAreNotLinkedAndASitesNameIsTheOneABrowserVisits() {
        PledgeContent content = sample();
        String commitment = content.principles().get(0).commitments().get(0).key();
        for (String link : new String[] {"http://example.org/old", "https://example.gov.uk@evil.example:8443/x"}) {
            Evidence latest = new Evidence(9, commitment, LocalDate.of(2025, 3, 12), "Done.", link, "staff-7",
                    Instant.parse("2025-03-13T10:00:00Z"), "editor-2");
            Document doc = Jsoup.parseBodyFragment(renderer.render(content, Map.of(commitment,
                    new EvidenceSummary(1, latest)), PledgeViewOptions.full(2, false), Messages.of(Locale.UK, WORDS)));
            if (link.startsWith("http:")) {
                assertThat(doc.select(".pw-pledge__evidence a")).as(link).isEmpty();
            } else {
                assertThat(doc.select(".pw-pledge__evidence a").text()).as(link).endsWith("(on evil.example)");
            }
        }
    }

    static Map<String, EvidenceSummary> evidence() {
        Evidence latest = new Evidence(9, "space-1", LocalDate.of(2025, 3, 12), "Two quiet rooms opened.",
                "https://example.org/news", "staff-7", Instant.parse("2025-03-13T10:00:00Z"), "editor-2");
        return Map.of("space-1", new EvidenceSummary(3, latest));
    }

    private Document render(PledgeContent content, PledgeViewOptions options) {
        return Jsoup.parseBodyFragment(renderer.render(content, evidence(), options, Messages.of(Locale.UK, WORDS)));
    }

    private static List<String> headings(Document doc) {
        return doc.select("h1, h2, h3, h4, h5, h6").stream().map(h -> h.tagName() + ":" + h.text()).toList();
    }

    @Test
    void fullLayoutNestsHeadingsBelowTheRequestedLevelInOrder() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 3, "", "", false));

        assertThat(headings(doc)).containsExactly("h3:Our promise", "h4:Space", "h4:Voice", "h4:Impact",
                "h4:Who has signed it");
        assertThat(doc.text()).contains("Who this is for: Children and young people", "Why we made this promise.",
                "A safe place to talk.");
    }

    @Test
    void fullLayoutListsCommitmentsInOrderWithEvidence() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 2, "", "", false));

        Elements lists = doc.select("ol");
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).children().eachText().get(0)).startsWith("Running youth groups.");
        assertThat(lists.get(0).children()).hasSize(2);
        Element evidence = lists.get(0).child(0);
        assertThat(evidence.text()).contains("3 things show we are doing this", "12 March 2025",
                "Two quiet rooms opened.");
        assertThat(evidence.selectFirst("time").attr("datetime")).isEqualTo("2025-03-12");
        Element more = evidence.selectFirst("a[href=https://example.org/news]");
        assertThat(more.text()).isEqualTo("Find out more about how we keep our Space promise (on example.org)");
        assertThat(more.attr("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(lists.get(0).child(1).text()).doesNotContain("things show");
        assertThat(doc.select("ul.pw-pledge__signatories > li").eachText())
                .containsExactly("Councillor Ada Jones, Lead Member Signed on 20 January 2025",
                        "Youth Cabinet Signed on 21 January 2025");
    }

    @Test
    void imagesCarryTheEditorsAltText() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 2, "", "", false));

        Elements images = doc.select("img");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).attr("src")).isEqualTo("https://example.org/space.png");
        assertThat(images.get(0).attr("alt")).isEqualTo("Young people talking on beanbags");
    }

    @Test
    void commitmentsCanBeLeftOut() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.FULL, false, false, 2, "", "", false));

        assertThat(doc.select("ol")).isEmpty();
        assertThat(doc.text()).doesNotContain("Running youth groups", "We will do this by");
    }

    @Test
    void cardsShowOneCardPerPrincipleWithItsCommitmentCount() {
        PledgeViewOptions options = new PledgeViewOptions(Layout.CARDS, true, false, 2, "", "", false,
                Map.of("voice", "/pledge?part=voice"));
        Document doc = render(sample(), options);

        assertThat(headings(doc)).containsExactly("h2:Our promise", "h3:Space", "h3:Voice", "h3:Impact");
        Elements cards = doc.select("ul > li.pw-pledge-card");
        assertThat(cards).hasSize(3);
        assertThat(cards.get(0).text()).contains("A safe place to talk.", "2 things we will do");
        assertThat(cards.get(1).text()).contains("One thing we will do");
        assertThat(cards.get(2).text()).contains("No actions listed yet");
        assertThat(cards.get(1).select("a").attr("href")).isEqualTo("/pledge?part=voice");
        assertThat(cards.get(1).select("a").text()).isEqualTo("Read more about Voice");
        assertThat(cards.get(0).select("a")).isEmpty();
        assertThat(doc.select("ol")).isEmpty();
    }

    @Test
    void onePrincipleShowsOnlyThatPrincipleAtTheRequestedLevel() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.ONE_PRINCIPLE, true, false, 2, "voice", "",
                false));

        assertThat(headings(doc)).containsExactly("h2:Voice");
        assertThat(doc.select("ol > li").eachText()).containsExactly("Training when you join.");
        assertThat(doc.text()).contains("Our promise", "Your way of saying it.").doesNotContain("Space");
    }

    @Test
    void onePrincipleWithoutAKeyShowsTheFirst() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.ONE_PRINCIPLE, true, false, 4, "", "",
                false));

        assertThat(headings(doc)).containsExactly("h4:Space");
    }

    @Test
    void easyReadUsesEasyWordingWhereWrittenAndSaysSo() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.FULL, true, true, 2, "", "", false));

        assertThat(doc.text()).contains("You are reading the easy read version", "Why we promise.",
                "A safe place.", "Groups for you.", "Meeting where you like.", "Your way of saying it.")
                .doesNotContain("A safe place to talk.", "Running youth groups.", "Why we made this promise.");
    }

    @Test
    void standardVersionHasNoEasyReadNote() {
        Document doc = render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 2, "", "", false));

        assertThat(doc.text()).doesNotContain("easy read version");
    }

    @Test
    void theReadingSwitchLinksToTheOtherVersionAndMarksTheCurrentOne() {
        Document standard = render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 2, "",
                "/pledge?read=easy", true));
        Element nav = standard.selectFirst("nav");
        assertThat(nav.attr("aria-label")).isEqualTo("Ways to read Our promise");
        assertThat(nav.select("a").eachText()).containsExactly("Easy read version");
        assertThat(nav.select("a").attr("href")).isEqualTo("/pledge?read=easy");
        assertThat(nav.select("[aria-current=true]").text()).isEqualTo("Standard version (showing now)");

        Document easy = render(sample(), new PledgeViewOptions(Layout.FULL, true, true, 2, "",
                "/pledge?read=standard", true));
        assertThat(easy.select("nav a").eachText()).containsExactly("Standard version");
        assertThat(easy.select("nav [aria-current=true]").text()).isEqualTo("Easy read version (showing now)");
    }

    @Test
    void noSwitchWhenNotOfferedOrWithoutAnAddress() {
        assertThat(render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 2, "", "/x", false))
                .select("nav")).isEmpty();
        assertThat(render(sample(), new PledgeViewOptions(Layout.FULL, true, false, 2, "", "", true))
                .select("nav")).isEmpty();
    }

    @Test
    void editorTextIsEscapedButLinksWork() {
        PledgeContent hostile = new PledgeContent("<script>alert('t')</script>", Audience.EVERYONE,
                "See [our news](https://example.org/n) <b>now</b>", "",
                List.of(new Principle("p", "<img src=x onerror=alert(1)>", "Promise \"quoted\" & <i>so</i>", "",
                        "", "", List.of(new Commitment("c", "<script>bad()</script>", "")))),
                List.of());
        String html = renderer.render(hostile, Map.of(), PledgeViewOptions.full(2, false),
                Messages.of(Locale.UK, WORDS));
        Document doc = Jsoup.parseBodyFragment(html);

        assertThat(doc.select("script, img, b, i")).isEmpty();
        assertThat(doc.select("h2").text()).isEqualTo("<script>alert('t')</script>");
        assertThat(doc.select("h3").first().text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(doc.text()).contains("<b>now</b>", "Promise \"quoted\" & <i>so</i>", "<script>bad()</script>");
        assertThat(doc.select("a[href=https://example.org/n]").text()).isEqualTo("our news");
        assertThat(html).doesNotContain("style=");
    }

    @Test
    void wordsAreFoundEvenWhenTheCallerHasOtherMessages() {
        // An authoring page previews a draft with its own messages, which lack the view's words.
        ResourceBundle other = new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"something.else", "x"}};
            }
        };
        String html = renderer.render(sample(), evidence(), PledgeViewOptions.full(2, false),
                Messages.of(Locale.UK, other));

        assertThat(Jsoup.parseBodyFragment(html).text()).contains("We will do this by:", "Who has signed it")
                .doesNotContain("pledge.view.");
    }

    @Test
    void datesFollowTheLocale() {
        ResourceBundle german = new LanguageBundles(PledgeRendererTest.class,
                "dev/participation/pledge/widget/Language").forLocale(Locale.forLanguageTag("de-DE"));
        String html = renderer.render(sample(), evidence(), PledgeViewOptions.full(2, false),
                Messages.of(Locale.GERMANY, german));

        assertThat(Jsoup.parseBodyFragment(html).text()).contains("20. Januar 2025");
    }
}
