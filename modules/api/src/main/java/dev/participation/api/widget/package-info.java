/**
 * The widget SPI: what a widget type declares and how any host (the embedded portal, a Liferay
 * portal) asks it to render a view or handle a form post. No servlet, portlet or Liferay type
 * crosses this package, so one widget runs unchanged in every host.
 */
@Export
@Version("2.0.0")
package dev.participation.api.widget;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
