/**
 * Staff exports as CSV files a spreadsheet opens safely: RFC 4180, with anything a spreadsheet
 * would run as a formula written as text. Each widget keeps its own columns.
 */
@Export
@Version("1.0.0")
package dev.participation.kit.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
