package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.Message;
import dev.participation.kit.staff.Screen;

/**
 * Turns the service's content paths ({@code principles[0].commitments[1].text}) into a sentence
 * an editor understands and a link to the form where it is fixed.
 */
final class ProblemLinks {

    private static final Pattern COMMITMENT = Pattern.compile("principles\\[(\\d+)]\\.commitments\\[(\\d+)]\\.(\\w+)");
    private static final Pattern PRINCIPLE = Pattern.compile("principles\\[(\\d+)]\\.(\\w+)");
    private static final Pattern SIGNATORY = Pattern.compile("signatories\\[(\\d+)]\\.(\\w+)");

    private ProblemLinks() {
    }

    /** A problem in words, and the form where it is fixed. */
    public record Problem(String text, String href) {
    }

    static List<Problem> describe(Screen s, PledgeDraft d, Map<String, Message> problems) {
        List<Problem> list = new ArrayList<>();
        problems.forEach((path, message) -> list.add(describe(s, d, path, s.text(message))));
        return list;
    }

    private static Problem describe(Screen s, PledgeDraft d, String path, String problem) {
        PledgeContent c = d.content();
        String base = d.id() + "/";
        String where;
        String href;
        Matcher m;
        if ((m = COMMITMENT.matcher(path)).matches() && principle(c, m.group(1)) != null
                && Integer.parseInt(m.group(2)) < principle(c, m.group(1)).commitments().size()) {
            Principle p = principle(c, m.group(1));
            int j = Integer.parseInt(m.group(2));
            where = s.text("authoring.problem.commitment", j + 1, p.title(), field(s, m.group(3)));
            href = s.href(base + "principles/" + p.key() + "/commitments/" + p.commitments().get(j).key()) + "#"
                    + m.group(3);
        } else if ((m = PRINCIPLE.matcher(path)).matches() && principle(c, m.group(1)) != null) {
            Principle p = principle(c, m.group(1));
            where = s.text("authoring.problem.principle", Integer.parseInt(m.group(1)) + 1, p.title(),
                    field(s, "title".equals(m.group(2)) ? "principleTitle" : m.group(2)));
            href = s.href(base + "principles/" + p.key()) + "#" + m.group(2);
        } else if ((m = SIGNATORY.matcher(path)).matches()) {
            int k = Integer.parseInt(m.group(1));
            where = s.text("authoring.problem.signatory", k + 1, field(s, m.group(2)));
            href = s.href(base + "signatories/" + (k + 1)) + "#" + m.group(2);
        } else if ("principles".equals(path)) {
            where = s.text("authoring.problem.principles");
            href = s.href(base + "principles/new");
        } else {
            where = field(s, path);
            href = s.href(base + "details") + "#" + path;
        }
        return new Problem(s.text("authoring.problem.line", where, problem), href);
    }

    private static Principle principle(PledgeContent c, String index) {
        int i = Integer.parseInt(index);
        return i < c.principles().size() ? c.principles().get(i) : null;
    }

    private static String field(Screen s, String name) {
        String key = "authoring.field." + name;
        return s.messages().has(key) ? s.text(key) : name;
    }
}
