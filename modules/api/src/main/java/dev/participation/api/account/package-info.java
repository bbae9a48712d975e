/** Local staff accounts of the embedded portal, sign-in and signed-in sessions. */
@Export
@Version("2.0.0")
package dev.participation.api.account;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
