package dev.participation.events.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.events.api.EventType;

import org.junit.jupiter.api.Test;

/**
 * Every key the widget's templates and code name has words in the bundles the widget reads, and
 * every text is a valid MessageFormat pattern.
 */
class WidgetLanguageTest {

    static Properties words() throws IOException {
        Properties words = new Properties();
        for (String name : new String[] {"widget", "signup", "shared"}) {
            try (InputStream in = EventsWidget.class.getResourceAsStream(
                    "/dev/participation/events/" + name + "/Language.properties")) {
                words.load(in);
            }
        }
        try (InputStream in = dev.participation.kit.i18n.Messages.class.getResourceAsStream(
                "/dev/participation/kit/i18n/Language.properties")) {
            words.load(in);
        }
        return words;
    }

    @Test
    void everyKeyTheTemplatesAndCodeNameHasWords() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("msg\\(\"([A-Za-z.-]+)\"");
        Pattern inCode = Pattern.compile("\"((?:events|signup|booking)\\.[A-Za-z.-]+[A-Za-z])\"");
        // The widget's own templates and code: the staff and editing pages read their own bundles.
        String templates = "src/main/resources/dev/participation/events/templates/";
        String code = "src/main/java/dev/participation/events/internal/";
        try (Stream<Path> files = Stream.of(templates + "view", templates + "signup", code + "widget", code + "view",
                code + "signup").map(Path::of).flatMap(WidgetLanguageTest::walk)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = (file.toString().endsWith(".ftlh") ? inTemplates : inCode).matcher(text);
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        for (EventType t : EventType.values()) {
            named.add("events.type." + t.key());
        }
        for (PreferenceDefinition p : EventsWidget.TYPE_DECLARATION.preferences()) {
            named.add(p.labelKey());
            if (p.hintKey() != null) {
                named.add(p.hintKey());
            }
            p.choices().stream().filter(c -> c.labelIsKey()).forEach(c -> named.add(c.label()));
        }
        // Keys made up at run time from a prefix.
        named.removeIf(k -> k.endsWith(".") || k.equals("events.state") || k.equals("events.tag")
                || k.equals("events.pref.pick"));
        // Strings that look like keys and are not words: files, demo content's and jobs' names, the guard's form key.
        named.removeIf(k -> k.endsWith(".ftlh") || k.endsWith(".css") || k.endsWith(".demo")
                || Set.of("events.offers", "events.sign-up").contains(k));
        assertThat(named).contains("signup.field.firstName", "booking.cancel.title", "events.list.title");
        assertThat(words().stringPropertyNames()).containsAll(named);
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyTextFormats() throws IOException {
        Properties words = words();
        for (String name : words.stringPropertyNames()) {
            if (name.startsWith("signup.") || name.startsWith("booking.") || name.startsWith("events.")) {
                assertThat(new MessageFormat(words.getProperty(name)).format(new Object[] {1, 2, 3, 4})).as(name)
                        .isNotBlank();
            }
        }
    }
}
