package dev.participation.pledge.internal.authoring;

/** The path names a pledge, principle, commitment or version that does not exist. */
final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotFound(String what) {
        super(what, null, false, false);
    }
}
