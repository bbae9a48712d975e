/**
 * Drawing a public form's bot protection: the guard's fields and, after a refusal, its kind message.
 * Templates import {@code kit/protection.ftlh}.
 */
@Export
@Version("1.0.0")
package dev.participation.kit.protection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
