/**
 * Pledges and charters: what the council promises children, young people and families, written
 * and published by editors, with evidence that each commitment is kept. Only published versions
 * ever leave the service through the public methods; drafts are for editors.
 *
 * <p>Owned and exported by the pledge bundle; until this release it was
 * {@code dev.participation.api.pledge} 2.0.0 in the platform's api bundle.
 */
@Export
@Version("1.0.0")
package dev.participation.pledge.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
