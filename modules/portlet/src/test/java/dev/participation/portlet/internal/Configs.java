package dev.participation.portlet.internal;

import java.lang.reflect.Proxy;

/** The adapter's configuration as DS gives it when an administrator has set nothing: the declared defaults. */
final class Configs {

    private Configs() {
    }

    static PortletAdapterConfiguration adapter() {
        return (PortletAdapterConfiguration) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {PortletAdapterConfiguration.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "defaults" : method.invoke(proxy, args);
                    }
                    return method.getDefaultValue();
                });
    }
}
