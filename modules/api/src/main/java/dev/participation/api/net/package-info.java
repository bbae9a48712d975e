/** Network addresses in settings: which callers are trusted proxies or management hosts. */
@Export
@Version("1.0.0")
package dev.participation.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
