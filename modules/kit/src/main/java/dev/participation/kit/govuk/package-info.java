/** GOV.UK Frontend's stylesheet and script, ready for a host to serve without servlet or portlet classes. */
@Export
@Version("1.1.0")
package dev.participation.kit.govuk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
