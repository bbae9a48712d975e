/**
 * The staff-page framework every widget shares: routing a path to an {@link
 * dev.participation.kit.staff.Endpoint}, screens with typed view models, forms with error
 * summaries, the GOV.UK date input, reordering, "are you sure?" before removing, a real 404 for a
 * path that names nothing, and dispatching a post to the staff action it names.
 */
@Export
@Version("1.4.0")
package dev.participation.kit.staff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
