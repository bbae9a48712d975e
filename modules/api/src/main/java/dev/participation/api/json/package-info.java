/**
 * Read-only JSON resources that widget bundles publish under {@code /api/}, each described by a
 * fragment of the one OpenAPI document served at {@code /api/openapi.json}. Since 1.1 a resource
 * may answer with a {@link FileAnswer} that is not JSON (an iCalendar feed).
 */
@Export
@Version("1.1.0")
package dev.participation.api.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
