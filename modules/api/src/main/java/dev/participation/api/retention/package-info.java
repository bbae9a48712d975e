/** How long each kind of personal record is kept, and the daily erasing of what is past it. */
@Export
@Version("1.0.0")
package dev.participation.api.retention;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
