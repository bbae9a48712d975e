/** Where widgets are placed: pages of the embedded portal and the instances on them. */
@Export
@Version("1.1.0")
package dev.participation.api.page;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
