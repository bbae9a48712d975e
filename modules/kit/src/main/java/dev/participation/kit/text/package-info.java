/** Plain text that editors and people write, turned into safe HTML. */
@Export
@Version("1.1.0")
package dev.participation.kit.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
