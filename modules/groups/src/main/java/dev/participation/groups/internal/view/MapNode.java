package dev.participation.groups.internal.view;

import java.util.List;

/**
 * One box of the governance map: a board, or a group with the seats its young people hold where
 * it feeds in, and the groups that feed into it.
 *
 * @param href the group's page in the directory; empty for a board
 */
public record MapNode(String name, boolean board, String href, int seats, List<MapNode> feeders) {

    public MapNode {
        feeders = List.copyOf(feeders);
    }
}
