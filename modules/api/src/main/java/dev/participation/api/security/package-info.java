/** Secrets that every portal node must share, such as the key that signs CSRF tokens. */
@Export
@Version("1.0.0")
package dev.participation.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
