/**
 * Server-side HTML from FreeMarker templates in the HTML output format: every value is escaped
 * unless it is already safe markup, and the kit's GOV.UK form macros are available in every
 * template as {@code kit}.
 */
@Export
@Version("1.1.0")
package dev.participation.kit.template;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
