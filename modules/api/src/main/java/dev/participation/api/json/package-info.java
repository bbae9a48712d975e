/**
 * Read-only JSON resources that widget bundles publish under {@code /api/}, each described by a
 * fragment of the one OpenAPI document served at {@code /api/openapi.json}.
 */
@Export
@Version("1.0.0")
package dev.participation.api.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
