package dev.participation.kit.govuk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Confines a stylesheet to the inside of one wrapper element, so that it can be added to a page
 * it does not own (a portal's theme) without restyling anything around the wrapper.
 *
 * <p>Every selector is prefixed with the wrapper's class; selectors of the page itself
 * ({@code html}, {@code body}, {@code :root}) become the wrapper. Two things stay on the page
 * because GOV.UK Frontend's script reads them there and nothing outside uses them: a
 * {@code :root} rule that only declares {@code --govuk-} custom properties, and the
 * {@code govuk-frontend-supported} class the script sets on {@code body}. Fonts are dropped:
 * an {@code @font-face} would name a family for the whole page.
 */
public final class ScopedStylesheet {

    /** The class GOV.UK Frontend's script puts on {@code body} once it runs. */
    static final String SUPPORTED_FLAG = ".govuk-frontend-supported";

    private static final Set<String> GROUPING_RULES = Set.of("media", "supports", "document", "-moz-document",
            "container", "layer");
    private static final Pattern PAGE_ELEMENT = Pattern.compile("(?i)(?::root|html|body)(?![\\w-])");
    private static final Pattern CLASS_NAME = Pattern.compile("-?[_a-zA-Z][_a-zA-Z0-9-]*");

    private final String wrapper;

    private ScopedStylesheet(String wrapperClass) {
        if (!CLASS_NAME.matcher(wrapperClass).matches()) {
            throw new IllegalArgumentException("not a CSS class name: " + wrapperClass);
        }
        this.wrapper = "." + wrapperClass;
    }

    /** {@code css} with every rule limited to elements inside an element of class {@code wrapperClass}. */
    public static String within(String css, String wrapperClass) {
        ScopedStylesheet scope = new ScopedStylesheet(wrapperClass);
        StringBuilder out = new StringBuilder(css.length() + css.length() / 4);
        scope.rules(css, out);
        return out.toString();
    }

    /** Copies a list of rules (a stylesheet, or the inside of {@code @media}), scoping each. */
    private void rules(String css, StringBuilder out) {
        int i = 0;
        while (i < css.length()) {
            int start = skipSpaceAndComments(css, i, out);
            if (start >= css.length()) {
                return;
            }
            int end = preludeEnd(css, start);
            String prelude = css.substring(start, end).trim();
            if (end >= css.length() || css.charAt(end) == ';') {
                // A statement (@charset, @import) or a stray token: nothing in it selects elements.
                out.append(css, start, Math.min(end + 1, css.length()));
                i = end + 1;
                continue;
            }
            int close = blockEnd(css, end);
            String block = css.substring(end + 1, close);
            if (prelude.startsWith("@")) {
                atRule(prelude, block, out);
            } else {
                styleRule(prelude, block, out);
            }
            i = close + 1;
        }
    }

    private void atRule(String prelude, String block, StringBuilder out) {
        String name = prelude.substring(1).split("[\\s({]", 2)[0].toLowerCase(Locale.ROOT);
        if (name.equals("font-face")) {
            return;
        }
        out.append(prelude).append('{');
        if (GROUPING_RULES.contains(name)) {
            rules(block, out);
        } else {
            // @keyframes, @page, @property, @counter-style: no selectors of elements inside.
            out.append(block);
        }
        out.append('}');
    }

    private void styleRule(String selectors, String declarations, StringBuilder out) {
        if (selectors.equals(":root") && onlyGovukProperties(declarations)) {
            out.append(selectors).append('{').append(declarations).append('}');
            return;
        }
        List<String> scoped = new ArrayList<>();
        for (String selector : splitTopLevel(selectors, ',')) {
            scoped.add(scope(selector.trim()));
        }
        out.append(String.join(",", scoped)).append('{').append(declarations).append('}');
    }

    private String scope(String selector) {
        if (selector.startsWith(SUPPORTED_FLAG) && selector.length() > SUPPORTED_FLAG.length()
                && " >+~".indexOf(selector.charAt(SUPPORTED_FLAG.length())) >= 0) {
            return SUPPORTED_FLAG + " " + wrapper + selector.substring(SUPPORTED_FLAG.length());
        }
        var page = PAGE_ELEMENT.matcher(selector);
        if (page.lookingAt()) {
            // The page's own element stands for the wrapper: its rules apply inside it only.
            return wrapper + selector.substring(page.end());
        }
        return wrapper + " " + selector;
    }

    private static boolean onlyGovukProperties(String declarations) {
        for (String declaration : splitTopLevel(declarations, ';')) {
            String d = declaration.trim();
            if (!d.isEmpty() && !d.startsWith("--govuk-")) {
                return false;
            }
        }
        return true;
    }

    /** Splits at {@code separator} outside brackets, parentheses and strings. */
    private static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\'') {
                i = stringEnd(text, i);
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static int skipSpaceAndComments(String css, int i, StringBuilder out) {
        while (i < css.length()) {
            if (Character.isWhitespace(css.charAt(i))) {
                i++;
            } else if (css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                end = end < 0 ? css.length() : end + 2;
                out.append(css, i, end);
                i = end;
            } else {
                return i;
            }
        }
        return i;
    }

    /** Where a rule's prelude ends: at its block's '{' or a statement's ';'. */
    private static int preludeEnd(String css, int i) {
        int depth = 0;
        for (; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\'') {
                i = stringEnd(css, i);
            } else if (css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 1;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if ((c == '{' || c == ';') && depth == 0) {
                return i;
            }
        }
        return css.length();
    }

    /** The '}' that closes the block opened at {@code open}. */
    private static int blockEnd(String css, int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\'') {
                i = stringEnd(css, i);
            } else if (css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("a block opened at " + open + " is never closed");
    }

    private static int stringEnd(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }
}
