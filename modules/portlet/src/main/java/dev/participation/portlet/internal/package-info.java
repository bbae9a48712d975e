/**
 * The Liferay adapter: every {@link dev.participation.api.widget.Widget} service becomes a
 * {@code javax.portlet.Portlet} service with Liferay's component properties.
 *
 * <p>Only three classes touch {@code javax.portlet}: {@link WidgetPortletRegistrar} (registers the
 * portlets), {@link WidgetPortlet} (the {@code GenericPortlet}) and {@link PortletLinks} (URLs).
 * Everything else here is plain Java, so a {@code jakarta.portlet} twin for Liferay DXP
 * 2025.Q3 / Portal 2026.Q1 and later is those three files with their imports renamed from
 * {@code javax.portlet} to {@code jakarta.portlet}.
 *
 * <p>Private to this bundle: nothing outside uses these classes; the portal finds the portlets in
 * the service registry.
 */
package dev.participation.portlet.internal;
