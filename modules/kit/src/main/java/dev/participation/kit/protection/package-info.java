/**
 * A public form's bot protection: the guard asked on each post, and its fields and, after a
 * refusal, its kind message drawn in the form. Templates import {@code kit/protection.ftlh}.
 */
@Export
@Version("1.1.0")
package dev.participation.kit.protection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
