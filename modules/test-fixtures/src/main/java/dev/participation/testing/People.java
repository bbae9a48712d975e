package dev.participation.testing;

import java.util.Set;

import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;

/** The signed-in people widget tests act as: one per role, with stable account ids. */
public final class People {

    /** Participation staff: sees staff pages, adds evidence, never approves it. */
    public static final Person STAFF = new Person("sam", "Sam Staff", Set.of(Roles.STAFF));
    /** A web editor who is not staff. */
    public static final Person EDITOR = new Person("edith", "Edith Editor", Set.of(Roles.EDITOR));
    /** An editor who is also staff, as on a staff page both may use. */
    public static final Person STAFF_EDITOR = new Person("edith", "Edith Editor", Set.of(Roles.STAFF, Roles.EDITOR));
    public static final Person ADMIN = new Person("ada", "Ada Admin", Set.of(Roles.ADMIN));

    private People() {
    }
}
