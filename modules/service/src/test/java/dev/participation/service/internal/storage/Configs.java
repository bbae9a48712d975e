package dev.participation.service.internal.storage;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds a component property type instance as DS would: given values, else the defaults. */
public final class Configs {

    private Configs() {
    }

    public static <A> A of(Class<A> type, Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            throw new IllegalStateException("No value for " + method.getName());
        }));
    }
}
