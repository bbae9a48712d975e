package dev.participation.kit.govuk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.cssparser.dom.AbstractCSSRuleImpl;
import org.htmlunit.cssparser.dom.CSSFontFaceRuleImpl;
import org.htmlunit.cssparser.dom.CSSMediaRuleImpl;
import org.htmlunit.cssparser.dom.CSSRuleListImpl;
import org.htmlunit.cssparser.dom.CSSStyleRuleImpl;
import org.htmlunit.cssparser.dom.CSSUnknownRuleImpl;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.selector.Selector;
import org.junit.jupiter.api.Test;

class ScopedStylesheetTest {

    private static final String WRAPPER = "participation-widget";

    @Test
    void theThemesOwnElementsAreUntouchedByGovukFrontendOnceScoped() throws IOException {
        GovukFrontend govuk = GovukFrontend.load();
        String published = GovukFrontend.withoutTransport(govuk.stylesheet());
        String scoped = ScopedStylesheet.within(published, WRAPPER);

        List<String> publishedErrors = new ArrayList<>();
        List<String> scopedErrors = new ArrayList<>();
        List<CSSStyleRuleImpl> rules = styleRules(scoped, scopedErrors);
        // Nothing lost, and nothing the parser reads differently: its only complaints are about
        // values it does not know (env(), newer functions), and the same in both.
        assertThat(rules).hasSize(styleRules(published, publishedErrors).size());
        assertThat(scopedErrors).isEqualTo(publishedErrors);
        for (CSSStyleRuleImpl rule : rules) {
            for (Selector selector : rule.getSelectors()) {
                String text = selector.toString();
                if (text.equals(":root") || text.equals("*:root")) {
                    // Only GOV.UK's own custom properties, which the script reads from the page.
                    assertThat(rule.getStyle().getProperties())
                            .allSatisfy(p -> assertThat(p.getName()).startsWith("--govuk-"));
                } else {
                    // The parser writes a class alone as "*.class".
                    assertThat(text).as("a selector outside the widget").matches(
                            "(\\*?\\.govuk-frontend-supported )?\\*?\\.participation-widget(?![\\w-]).*");
                }
            }
        }
        assertThat(scoped).doesNotContain("@font-face");
    }

    @Test
    void rulesForThePageApplyToTheWrapperAndEveryOtherRuleToWhatIsInsideIt() {
        assertThat(ScopedStylesheet.within("body{margin:0}html,:root{color:red}", "w"))
                .isEqualTo(".w{margin:0}.w,.w{color:red}");
        assertThat(ScopedStylesheet.within("a:link,p>em{color:blue}h1 + p{x:y}", "w"))
                .isEqualTo(".w a:link,.w p>em{color:blue}.w h1 + p{x:y}");
        assertThat(ScopedStylesheet.within("bodyguard{x:y}", "w")).isEqualTo(".w bodyguard{x:y}");
    }

    @Test
    void groupingRulesAreScopedInsideAndOtherAtRulesKeptOrDropped() {
        assertThat(ScopedStylesheet.within("@media (min-width:40em){h1{x:y}@supports (a:b){p{x:y}}}", "w"))
                .isEqualTo("@media (min-width:40em){.w h1{x:y}@supports (a:b){.w p{x:y}}}");
        assertThat(ScopedStylesheet.within("@charset \"UTF-8\";@font-face{font-family:X;src:url(x.woff)}"
                + "@keyframes spin{from{a:b}to{a:c}}", "w"))
                .isEqualTo("@charset \"UTF-8\";@keyframes spin{from{a:b}to{a:c}}");
    }

    @Test
    void theScriptsFlagOnTheBodyStaysOutsideTheWrapper() {
        assertThat(ScopedStylesheet.within(".govuk-frontend-supported .govuk-tabs__list{x:y}"
                + ".govuk-frontend-supported-not{x:y}", "w"))
                .isEqualTo(".govuk-frontend-supported .w .govuk-tabs__list{x:y}.w .govuk-frontend-supported-not{x:y}");
    }

    @Test
    void onlyAPageRuleOfGovukPropertiesStaysOnThePage() {
        assertThat(ScopedStylesheet.within(":root{--govuk-a:1;--govuk-b:var(--govuk-a)}", "w"))
                .isEqualTo(":root{--govuk-a:1;--govuk-b:var(--govuk-a)}");
        assertThat(ScopedStylesheet.within(":root{--govuk-a:1;--brand:red}", "w"))
                .isEqualTo(".w{--govuk-a:1;--brand:red}");
    }

    @Test
    void commasBracesAndQuotesInsideSelectorsAndValuesAreNotMistakenForStructure() {
        assertThat(ScopedStylesheet.within(":is(h1,h2)[title=\"a,{b}\"],p{content:\"}{,\"}", "w"))
                .isEqualTo(".w :is(h1,h2)[title=\"a,{b}\"],.w p{content:\"}{,\"}");
        assertThat(ScopedStylesheet.within("/* a, b { } */p{x:y}", "w")).isEqualTo("/* a, b { } */.w p{x:y}");
    }

    @Test
    void aWrapperThatIsNotAClassNameOrAnUnclosedBlockIsRefused() {
        assertThatThrownBy(() -> ScopedStylesheet.within("p{}", "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopedStylesheet.within("p{x:y", "w")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every style rule, also inside @media, @supports and @-moz-document, as a CSS parser reads it. */
    static List<CSSStyleRuleImpl> styleRules(String css, List<String> errors) throws IOException {
        List<CSSStyleRuleImpl> found = new ArrayList<>();
        collect(parse(css, errors), found, errors);
        return found;
    }

    private static void collect(CSSRuleListImpl rules, List<CSSStyleRuleImpl> found, List<String> errors)
            throws IOException {
        for (AbstractCSSRuleImpl rule : rules.getRules()) {
            if (rule instanceof CSSStyleRuleImpl style) {
                found.add(style);
            } else if (rule instanceof CSSMediaRuleImpl media) {
                collect(media.getCssRules(), found, errors);
            } else if (rule instanceof CSSUnknownRuleImpl unknown) {
                // The parser keeps @supports and @-moz-document as text: parse what is inside.
                String text = unknown.getCssText();
                collect(parse(text.substring(text.indexOf('{') + 1, text.lastIndexOf('}')), errors), found, errors);
            } else if (rule instanceof CSSFontFaceRuleImpl) {
                // Fonts select nothing.
            }
        }
    }

    private static CSSRuleListImpl parse(String css, List<String> errors) throws IOException {
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) throws CSSException {
            }

            @Override
            public void error(CSSParseException e) throws CSSException {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(CSSParseException e) throws CSSException {
                errors.add(e.getMessage());
            }
        });
        // GOV.UK Frontend targets old Internet Explorer with "screen\0" media queries, which this
        // parser rejects together with every rule inside; without the hack they read as plain media.
        String withoutIeHacks = css.replace("\\0", "");
        CSSRuleListImpl rules = parser.parseStyleSheet(new InputSource(new StringReader(withoutIeHacks)), null)
                .getCssRules();
        return rules;
    }
}
