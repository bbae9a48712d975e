package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.staff.Keys;
import dev.participation.kit.staff.Times;

/**
 * What changed between two versions of a pledge, in words: per principle and per commitment,
 * added, removed, changed (before and after) or moved. Principles and commitments are matched by
 * their keys, so a reworded commitment shows as changed rather than as one removed and one added.
 */
final class VersionDiff {

    enum Kind {
        ADDED, REMOVED, CHANGED, MOVED
    }

    record Change(String item, Kind kind, String before, String after) {
    }

    record Section(String heading, List<Change> changes) {
    }

    private final Messages m;

    private VersionDiff(Messages messages) {
        this.m = messages;
    }

    static List<Section> compare(PledgeContent from, PledgeContent to, Messages messages) {
        return new VersionDiff(messages).sections(from, to);
    }

    static int count(List<Section> sections) {
        return sections.stream().mapToInt(s -> s.changes().size()).sum();
    }

    static long count(List<Section> sections, Kind kind) {
        return sections.stream().flatMap(s -> s.changes().stream()).filter(c -> c.kind() == kind).count();
    }

    /** The sections as a template reads them, with each kind of change named in words. */
    static List<SectionView> model(List<Section> sections, Messages messages) {
        return sections.stream().map(section -> new SectionView(section.heading(), section.changes().stream()
                .map(c -> new ChangeView(c.item(),
                        messages.get("authoring.diff.kind." + c.kind().name().toLowerCase(java.util.Locale.ROOT)),
                        c.before(), c.after()))
                .toList())).toList();
    }

    /** One table of the "what changed" macro. */
    public record SectionView(String heading, List<ChangeView> changes) {
    }

    /** One change, its kind in words. */
    public record ChangeView(String item, String kind, String before, String after) {
    }

    private List<Section> sections(PledgeContent from, PledgeContent to) {
        List<Section> sections = new ArrayList<>();
        List<Change> details = new ArrayList<>();
        text(details, m.get("authoring.field.title"), from.title(), to.title());
        text(details, m.get("authoring.field.audience"), audience(from), audience(to));
        text(details, m.get("authoring.field.introduction"), from.introduction(), to.introduction());
        text(details, m.get("authoring.field.easyReadIntroduction"), from.easyReadIntroduction(),
                to.easyReadIntroduction());
        add(sections, m.get("authoring.diff.details"), details);

        Map<String, Principle> before = byKey(from.principles(), Principle::key);
        Map<String, Principle> after = byKey(to.principles(), Principle::key);
        List<String> movedPrinciples = moved(keys(from.principles(), Principle::key),
                keys(to.principles(), Principle::key));
        for (int i = 0; i < to.principles().size(); i++) {
            Principle p = to.principles().get(i);
            Principle old = before.get(p.key());
            List<Change> changes = new ArrayList<>();
            if (old == null) {
                changes.add(new Change(m.get("authoring.diff.principle"), Kind.ADDED, "", p.title() + ": " + p.promise()));
                for (int j = 0; j < p.commitments().size(); j++) {
                    changes.add(new Change(commitment(j), Kind.ADDED, "", p.commitments().get(j).text()));
                }
            } else {
                if (movedPrinciples.contains(p.key())) {
                    changes.add(new Change(m.get("authoring.diff.principle"), Kind.MOVED,
                            position(from.principles().indexOf(old)), position(i)));
                }
                principle(changes, old, p);
            }
            add(sections, m.get("authoring.diff.principleHeading", i + 1, p.title()), changes);
        }
        for (int i = 0; i < from.principles().size(); i++) {
            Principle p = from.principles().get(i);
            if (!after.containsKey(p.key())) {
                List<Change> changes = new ArrayList<>();
                changes.add(new Change(m.get("authoring.diff.principle"), Kind.REMOVED, p.title() + ": " + p.promise(), ""));
                for (int j = 0; j < p.commitments().size(); j++) {
                    changes.add(new Change(commitment(j), Kind.REMOVED, p.commitments().get(j).text(), ""));
                }
                add(sections, m.get("authoring.diff.removedPrincipleHeading", p.title()), changes);
            }
        }
        add(sections, m.get("authoring.diff.signatories"), signatories(from.signatories(), to.signatories()));
        return sections;
    }

    private void principle(List<Change> changes, Principle old, Principle p) {
        text(changes, m.get("authoring.field.principleTitle"), old.title(), p.title());
        text(changes, m.get("authoring.field.promise"), old.promise(), p.promise());
        text(changes, m.get("authoring.field.easyReadPromise"), old.easyReadPromise(), p.easyReadPromise());
        text(changes, m.get("authoring.field.imageUrl"), old.imageUrl(), p.imageUrl());
        text(changes, m.get("authoring.field.imageAlt"), old.imageAlt(), p.imageAlt());
        Map<String, Commitment> before = byKey(old.commitments(), Commitment::key);
        Set<String> after = p.commitments().stream().map(Commitment::key).collect(Collectors.toSet());
        List<String> moved = moved(keys(old.commitments(), Commitment::key), keys(p.commitments(), Commitment::key));
        for (int j = 0; j < p.commitments().size(); j++) {
            Commitment c = p.commitments().get(j);
            Commitment was = before.get(c.key());
            if (was == null) {
                changes.add(new Change(commitment(j), Kind.ADDED, "", c.text()));
                continue;
            }
            if (moved.contains(c.key())) {
                changes.add(new Change(commitment(j), Kind.MOVED, position(old.commitments().indexOf(was)),
                        position(j)));
            }
            text(changes, commitment(j), was.text(), c.text());
            text(changes, m.get("authoring.diff.easyReadCommitment", j + 1), was.easyReadText(), c.easyReadText());
        }
        for (int j = 0; j < old.commitments().size(); j++) {
            Commitment c = old.commitments().get(j);
            if (!after.contains(c.key())) {
                changes.add(new Change(m.get("authoring.diff.commitment", j + 1), Kind.REMOVED, c.text(), ""));
            }
        }
    }

    private List<Change> signatories(List<Signatory> from, List<Signatory> to) {
        List<Change> changes = new ArrayList<>();
        Map<String, Signatory> before = byKey(from, Signatory::name);
        Map<String, Signatory> after = byKey(to, Signatory::name);
        for (Signatory s : to) {
            Signatory was = before.get(s.name());
            if (was == null) {
                changes.add(new Change(s.name(), Kind.ADDED, "", signatory(s)));
            } else if (!was.equals(s)) {
                changes.add(new Change(s.name(), Kind.CHANGED, signatory(was), signatory(s)));
            }
        }
        for (Signatory s : from) {
            if (!after.containsKey(s.name())) {
                changes.add(new Change(s.name(), Kind.REMOVED, signatory(s), ""));
            }
        }
        return changes;
    }

    private String signatory(Signatory s) {
        String date = Times.date(s.signedOn(), m);
        return s.role().isBlank() ? m.get("authoring.diff.signed", date)
                : m.get("authoring.diff.signedAs", s.role(), date);
    }

    private String commitment(int index) {
        return m.get("authoring.diff.commitment", index + 1);
    }

    private String position(int index) {
        return m.get("authoring.diff.position", index + 1);
    }

    private String audience(PledgeContent c) {
        return c.audience() == null ? "" : m.get(c.audience().labelKey());
    }

    private static void text(List<Change> changes, String item, String before, String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        Kind kind = before.isBlank() ? Kind.ADDED : after.isBlank() ? Kind.REMOVED : Kind.CHANGED;
        changes.add(new Change(item, kind, before, after));
    }

    private static void add(List<Section> sections, String heading, List<Change> changes) {
        if (!changes.isEmpty()) {
            sections.add(new Section(heading, List.copyOf(changes)));
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.putIfAbsent(key.apply(i), i));
        return map;
    }

    private static <T> List<String> keys(List<T> items, Function<T, String> key) {
        return items.stream().map(key).toList();
    }

    /** Keys kept in both lists whose place among the kept ones differs. */
    private static List<String> moved(List<String> before, List<String> after) {
        List<String> keptBefore = before.stream().filter(after::contains).toList();
        List<String> keptAfter = after.stream().filter(before::contains).toList();
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < keptAfter.size(); i++) {
            if (!keptAfter.get(i).equals(keptBefore.get(i))) {
                moved.add(keptAfter.get(i));
            }
        }
        return moved;
    }
}
