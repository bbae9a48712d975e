/** Jobs a widget bundle wants run on a schedule, once across all portal nodes sharing a database. */
@Export
@Version("1.0.0")
package dev.participation.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
