package dev.participation.kit.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** UTF-8 text files a bundle ships inside itself: stylesheets, scripts, version stamps. */
public final class PackagedText {

    private PackagedText() {
    }

    /**
     * Reads a file from the bundle of {@code owner}, through its class loader.
     *
     * @param owner    a class of the bundle that ships the file
     * @param resource the file's path from the bundle's root, without a leading slash
     * @throws IllegalStateException if the bundle does not hold it: a build that left it out fails
     *                               where it is first read, naming the file and the bundle
     */
    public static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the bundle of " + owner.getName() + ": " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
