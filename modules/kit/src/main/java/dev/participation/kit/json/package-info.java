/**
 * What every widget's JSON resource does with its addresses: the collection at
 * {@code /api/<name>}, one item at {@code /api/<name>/<slug>}, and the OpenAPI fragment packaged
 * beside the resource.
 */
@Export
@Version("1.0.0")
package dev.participation.kit.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
