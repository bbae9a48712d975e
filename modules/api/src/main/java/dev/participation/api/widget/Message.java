package dev.participation.api.widget;

import java.util.List;
import java.util.Objects;

/**
 * Text for a person, as a resource-bundle key and its arguments, so it is translated where it is
 * shown rather than where it is produced.
 */
public record Message(String key, List<Object> arguments) {

    public Message {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments));
    }
}
