package dev.participation.kit.staff;

/**
 * The path names something that does not exist (any more). Thrown from routing or a screen; the
 * staff page answers it with the kit's "page not found" screen and a 404 status.
 */
public final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super(what, null, false, false);
    }
}
