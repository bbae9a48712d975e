package dev.participation.api.widget;

import org.osgi.annotation.versioning.ProviderType;

/** A request to a {@link StaffPage}; the person is always present and holds the page's role. */
@ProviderType
public interface StaffRequest extends HostRequest {

    /** The part of the path below the page, without a leading slash: {@code ""}, {@code "12/edit"}. */
    String path();

    /** The signed-in person (a staff page is never reached anonymously). */
    default Person signedIn() {
        return person().orElseThrow();
    }
}
