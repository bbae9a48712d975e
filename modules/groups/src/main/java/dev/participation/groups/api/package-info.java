/**
 * Participation groups: who each group is for, when and where it meets, how to join and which
 * board it feeds into, and the directory search that helps someone find a group that fits.
 * Public callers get {@link PublicGroup}s, which never carry the staff manager; {@link Group} is
 * for editors and staff.
 */
@Export
@Version("1.0.0")
package dev.participation.groups.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
