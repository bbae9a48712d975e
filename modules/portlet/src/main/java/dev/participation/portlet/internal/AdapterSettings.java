package dev.participation.portlet.internal;

/**
 * What both registrars read from the adapter's configuration, once per change.
 *
 * @param category the widget menu category the portlets are listed under
 * @param roles    which portal roles are which participation roles, read on every request
 */
record AdapterSettings(String category, RoleMapping roles) {

    static final String DEFAULT_CATEGORY = "category.participation";

    static AdapterSettings of(PortletAdapterConfiguration config) {
        String category = config.displayCategory() == null || config.displayCategory().isBlank()
                ? DEFAULT_CATEGORY : config.displayCategory().trim();
        return new AdapterSettings(category, RoleMapping.of(config));
    }
}
