package dev.participation.groups.internal.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.PublicGroup;

/**
 * Which groups feed which boards, as a forest: each board at the top with the groups feeding it
 * under it, each group with the groups feeding it under it. Groups that feed nowhere (or into a
 * group no longer in the directory) stand at the top on their own. The same tree is the diagram
 * and, read as nested lists, what a screen reader says.
 */
public final class GovernanceMap {

    private GovernanceMap() {
    }

    /**
     * @param groups the directory's groups, in the order to list them
     * @param pageOf a group's page in the directory, by its address
     */
    public static List<MapNode> of(List<PublicGroup> groups, Function<String, String> pageOf) {
        Map<String, PublicGroup> bySlug = new LinkedHashMap<>();
        groups.forEach(g -> bySlug.put(g.slug(), g));
        Map<String, List<PublicGroup>> feedingGroup = new LinkedHashMap<>();
        Map<String, List<PublicGroup>> feedingBoard = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<PublicGroup> alone = new ArrayList<>();
        for (PublicGroup g : groups) {
            FeedsInto to = g.feedsInto();
            if (!to.group().isBlank() && bySlug.containsKey(to.group()) && !to.group().equals(g.slug())) {
                feedingGroup.computeIfAbsent(to.group(), k -> new ArrayList<>()).add(g);
            } else if (!to.board().isBlank()) {
                feedingBoard.computeIfAbsent(to.board().strip(), k -> new ArrayList<>()).add(g);
            } else {
                alone.add(g);
            }
        }
        Set<String> placed = new HashSet<>();
        List<MapNode> roots = new ArrayList<>();
        feedingBoard.forEach((board, feeders) -> roots.add(new MapNode(board, true, "", 0,
                feeders.stream().map(g -> node(g, feedingGroup, pageOf, placed)).toList())));
        for (PublicGroup g : alone) {
            roots.add(node(g, feedingGroup, pageOf, placed));
        }
        // Groups feeding each other in a ring reach no board: show each ring from its first group.
        for (PublicGroup g : groups) {
            if (!placed.contains(g.slug())) {
                roots.add(node(g, feedingGroup, pageOf, placed));
            }
        }
        return roots;
    }

    private static MapNode node(PublicGroup g, Map<String, List<PublicGroup>> feedingGroup,
            Function<String, String> pageOf, Set<String> placed) {
        placed.add(g.slug());
        List<MapNode> feeders = new ArrayList<>();
        for (PublicGroup f : feedingGroup.getOrDefault(g.slug(), List.of())) {
            if (!placed.contains(f.slug())) {
                feeders.add(node(f, feedingGroup, pageOf, placed));
            }
        }
        return new MapNode(g.name(), false, pageOf.apply(g.slug()), g.feedsInto().isNowhere() ? 0
                : g.feedsInto().seats(), feeders);
    }
}
