/**
 * What every widget's demo content does: read its words from its own {@code Demo.properties}
 * (so the demo can be translated) and put its widgets on their page once, with settings checked
 * as an editor's would be.
 */
@Export
@Version("1.0.0")
package dev.participation.kit.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
