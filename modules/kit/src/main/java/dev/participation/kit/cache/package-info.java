/**
 * Results kept for inputs seen recently: what a page draws from data it has just read, so the
 * same view is not drawn again for every visitor while every node still reads the data itself.
 */
@Export
@Version("1.0.0")
package dev.participation.kit.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
