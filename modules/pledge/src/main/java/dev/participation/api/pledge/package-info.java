/**
 * Pledges and charters: what the council promises children, young people and families, written
 * and published by editors, with evidence that each commitment is kept. Only published versions
 * ever leave the service through the public methods; drafts are for editors.
 */
@Export
@Version("2.0.0")
package dev.participation.api.pledge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
