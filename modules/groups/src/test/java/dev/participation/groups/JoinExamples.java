package dev.participation.groups;

import java.lang.reflect.Proxy;
import java.util.Map;

import dev.participation.groups.api.join.ConsentRole;
import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.Reach;
import dev.participation.groups.api.join.TrustedAdult;
import dev.participation.groups.internal.join.JoinConfiguration;

/** Requests to join as the tests send them, and the join settings as a council might set them. */
public final class JoinExamples {

    private JoinExamples() {
    }

    /** A 15-year-old who gives their own email. */
    public static JoinAsk byEmail(String firstName, String email) {
        return new JoinAsk(firstName, 15, Reach.EMAIL, email, "", "", null, "", "A quiet room helps.", "", null, true);
    }

    /** A 15-year-old who gives only their phone number. */
    public static JoinAsk byPhone(String firstName, String phone) {
        return new JoinAsk(firstName, 15, Reach.PHONE, "", phone, "", null, "", "", "", null, true);
    }

    /** A 10-year-old in care reached only through their key worker, who also agreed with delegated authority. */
    public static JoinAsk throughKeyWorker(String firstName, String workerName, String workerContact) {
        return new JoinAsk(firstName, 10, Reach.ADULT, "", "", workerName, TrustedAdult.KEY_WORKER, workerContact,
                "", workerName, ConsentRole.DELEGATED_AUTHORITY, true);
    }

    /** The settings with their defaults, except those given (attribute name to value). */
    public static JoinConfiguration settings(Map<String, Object> overrides) {
        return configuration(JoinConfiguration.class, overrides);
    }

    /** A configuration annotation as DS would give it: its defaults, except those given. */
    public static <A> A configuration(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> type;
                        case "hashCode" -> 0;
                        case "equals" -> proxy == args[0];
                        default -> type.getSimpleName();
                    };
                }));
    }

    public static JoinConfiguration settings() {
        return settings(Map.of());
    }
}
