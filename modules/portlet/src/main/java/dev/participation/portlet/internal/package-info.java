/**
 * The Liferay adapter: every {@link dev.participation.api.widget.Widget} service becomes a
 * {@code javax.portlet.Portlet} service with Liferay's component properties
 * ({@link WidgetPortletRegistrar}, {@link WidgetPortlet}), and so does every
 * {@link dev.participation.api.widget.StaffPage}, with its staff actions
 * ({@link StaffPortletRegistrar}, {@link StaffPortlet}). People and their roles come from the
 * portal ({@link PortalPeople}, {@link RoleMapping}).
 *
 * <p>The classes that touch {@code javax.portlet} are the two portlets, their registrars'
 * shared {@link RegisteredPortlets}, the URL makers ({@link PortletLinks},
 * {@link StaffPortletLinks}) and the small readers of a portlet request ({@link PortalPeople},
 * {@link PortletCsrf}, {@link ParameterMaps}, {@link UserTimeZone}, {@link BundleAssets},
 * {@link OneShot}'s session slot). Everything else here is plain Java, so a
 * {@code jakarta.portlet} twin for Liferay DXP 2025.Q3 / Portal 2026.Q1 and later is those files
 * with their imports renamed from {@code javax.portlet} to {@code jakarta.portlet}.
 *
 * <p>Private to this bundle: nothing outside uses these classes; the portal finds the portlets in
 * the service registry.
 */
package dev.participation.portlet.internal;
