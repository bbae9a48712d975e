package dev.participation.groups.api;

import java.util.Objects;

/**
 * Where a group's views go: another group in the directory (by its address, such as the Youth
 * Cabinet) or a named board (such as the Corporate Parenting Board), and how many seats there are
 * held by young people from this group. {@link #NOWHERE} when neither is set.
 */
public record FeedsInto(String group, String board, int seats) {

    public static final FeedsInto NOWHERE = new FeedsInto("", "", 0);

    public FeedsInto {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(board, "board");
    }

    public static FeedsInto group(String slug, int seats) {
        return new FeedsInto(slug, "", seats);
    }

    public static FeedsInto board(String name, int seats) {
        return new FeedsInto("", name, seats);
    }

    public boolean isNowhere() {
        return group.isBlank() && board.isBlank();
    }
}
