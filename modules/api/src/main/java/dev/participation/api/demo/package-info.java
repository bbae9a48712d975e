/** Demonstration content that widgets contribute when the portal's demo switch is on. */
@Export
@Version("1.0.0")
package dev.participation.api.demo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
