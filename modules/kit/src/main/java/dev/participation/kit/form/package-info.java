/** Forms drawn from declarations: the editor's form for a widget's preferences. */
@Export
@Version("1.3.0")
package dev.participation.kit.form;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
