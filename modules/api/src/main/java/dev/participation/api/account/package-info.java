/**
 * Local staff accounts of the embedded portal, sign-in and signed-in sessions. A host that signs
 * people in with them registers {@link dev.participation.api.account.LocalSignIn}.
 */
@Export
@Version("2.1.0")
package dev.participation.api.account;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
