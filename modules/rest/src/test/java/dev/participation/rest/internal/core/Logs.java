package dev.participation.rest.internal.core;

import static org.mockito.Mockito.mockingDetails;

import java.util.List;

import org.osgi.service.log.Logger;

/** What a mocked OSGi Logger was told, whichever of its overloads was called. */
final class Logs {

    private Logs() {
    }

    /** The format strings passed to the given level ("warn", "error"), in order. */
    static List<String> messages(Logger logger, String level) {
        return mockingDetails(logger).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals(level))
                .map(i -> String.valueOf(i.getArguments()[0]))
                .toList();
    }

    /** The Throwables passed to the given level. */
    static List<Throwable> throwables(Logger logger, String level) {
        return mockingDetails(logger).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals(level))
                .flatMap(i -> java.util.Arrays.stream(i.getRawArguments()))
                .flatMap(a -> a instanceof Object[] array ? java.util.Arrays.stream(array) : java.util.stream.Stream.of(a))
                .filter(Throwable.class::isInstance)
                .map(Throwable.class::cast)
                .toList();
    }
}
