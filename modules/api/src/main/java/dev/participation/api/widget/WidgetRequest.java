package dev.participation.api.widget;

import org.osgi.annotation.versioning.ProviderType;

/** A request to render or post to one placed widget instance. */
@ProviderType
public interface WidgetRequest extends HostRequest {

    /** Identifies the placed instance; stable for as long as it stays placed. */
    String instanceId();

    /** The instance's settings, validated, with defaults filled in. */
    Preferences preferences();
}
