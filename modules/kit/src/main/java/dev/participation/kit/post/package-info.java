/**
 * What every host answers to a form post: one decision from a post's outcome (redirect with a
 * notice, show the form again, refuse), which each host maps to its own response API.
 */
@Export
@Version("1.1.0")
package dev.participation.kit.post;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
