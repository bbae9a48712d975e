/**
 * The widget SPI: what a widget type declares and how any host (the embedded portal, a Liferay
 * portal) asks it to render a view or handle a form post. No servlet, portlet or Liferay type
 * crosses this package, so one widget runs unchanged in every host.
 *
 * <p>2.0: {@link dev.participation.api.widget.Widget#type()} is the type's constant identity and
 * settings declaration, read once per service registration; options that come from data are
 * listed by {@link dev.participation.api.widget.Widget#choices} only for the settings form, and a
 * widget checks its own settings in {@link dev.participation.api.widget.Widget#validate}; a
 * {@link dev.participation.api.widget.HostRequest} carries the time zone to show times in. Major,
 * because {@code PreferenceDefinition} gained a record component (its canonical constructor
 * changed) and {@code HostRequest}, which every host implements, gained a method.
 */
@Export
@Version("2.2.0")
package dev.participation.api.widget;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
