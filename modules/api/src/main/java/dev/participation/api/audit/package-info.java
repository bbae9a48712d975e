/** The audit log: who did what to which record, and when. */
@Export
@Version("1.2.0")
package dev.participation.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
