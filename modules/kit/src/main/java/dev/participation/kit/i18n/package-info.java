/**
 * Text for people from {@code Language.properties} resource bundles, as Liferay keeps it, so a
 * council can translate every word (Welsh councils must).
 */
@Export
@Version("1.0.0")
package dev.participation.kit.i18n;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
