package dev.participation.kit.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Editors write plain paragraphs and links, never HTML: a blank line starts a new paragraph, a
 * single line break stays a line break, {@code [words](https://...)} makes a link, and a bare
 * {@code https://...} address becomes a link to itself. Everything else is escaped, so no markup
 * an editor (or an attacker with an editor's password) types reaches a visitor's page.
 */
public final class PlainText {

    // Only web and mail links: javascript:, data: and the like are never made into links.
    private static final String URL = "(?:https?://|mailto:)[^\\s<>\"()\\[\\]]+";
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,200})\\]\\((" + URL + ")\\)|(" + URL + ")");

    private PlainText() {
    }

    /** The text as {@code <p>} paragraphs with links, all other characters escaped. */
    public static String toHtml(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (normalised.isEmpty()) {
            return "";
        }
        // Line by line rather than splitting on a blank-line pattern: that search was over a
        // quarter of the cost of drawing a pledge. Any run of blank lines ends a paragraph.
        StringBuilder html = new StringBuilder(normalised.length() + 32);
        boolean inParagraph = false;
        for (String line : normalised.split("\n")) {
            String words = line.strip();
            if (words.isEmpty()) {
                if (inParagraph) {
                    html.append("</p>");
                    inParagraph = false;
                }
                continue;
            }
            html.append(inParagraph ? "<br>" : "<p class=\"govuk-body\">");
            inParagraph = true;
            appendLine(html, words);
        }
        return html.append("</p>").toString();
    }

    /** The text without its link syntax, for places that take no markup (summaries, titles). */
    public static String toPlain(String text) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void appendLine(StringBuilder html, String line) {
        // Every link holds an address, and most lines hold none: skip the pattern search for
        // them (it tried both link forms at every character of every line of every page).
        if (!line.contains("http") && !line.contains("mailto:")) {
            escape(html, line);
            return;
        }
        Matcher m = LINK.matcher(line);
        int last = 0;
        while (m.find()) {
            escape(html, line.substring(last, m.start()));
            String href = m.group(2) != null ? m.group(2) : trimTrailingPunctuation(m.group(3));
            String label = m.group(1) != null ? m.group(1) : href;
            html.append("<a class=\"govuk-link\" href=\"");
            escape(html, href);
            html.append("\">");
            escape(html, label);
            html.append("</a>");
            last = m.group(3) != null ? m.start() + href.length() : m.end();
        }
        escape(html, line.substring(last));
    }

    // "See https://example.org." links to the address, not to the address and the full stop.
    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?'".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    /** Appends text with the five HTML-significant characters escaped. */
    public static void escape(StringBuilder html, String text) {
        // Copies the runs between special characters whole: pages are mostly such runs, and a
        // character-by-character copy was the largest single cost of drawing a pledge.
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = entity(text.charAt(i));
            if (entity != null) {
                html.append(text, run, i).append(entity);
                run = i + 1;
            }
        }
        html.append(text, run, text.length());
    }

    private static String entity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }

    public static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        escape(html, text);
        return html.toString();
    }
}
