/**
 * Forms drawn from declarations (the editor's form for a widget's preferences, with the items an
 * editor picks by hand), text checks, and GET forms that work in every host.
 */
@Export
@Version("1.6.0")
package dev.participation.kit.form;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
