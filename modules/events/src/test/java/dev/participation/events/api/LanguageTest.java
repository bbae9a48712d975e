package dev.participation.events.api;

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

import org.junit.jupiter.api.Test;

/** Every message key the bundle's code names has words, and every text is a valid MessageFormat pattern. */
class LanguageTest {

    static Properties words() throws IOException {
        Properties words = new Properties();
        try (InputStream in = EventRules.class.getResourceAsStream("/dev/participation/events/shared/Language.properties")) {
            words.load(in);
        }
        return words;
    }

    @Test
    void everyKeyTheCodeNamesHasWords() throws IOException {
        Pattern key = Pattern.compile("\"(events\\.(?:error|mail)\\.[A-Za-z.]+)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).contains("events.error.capacityBelowTaken", "events.error.noRoom");
        assertThat(words().stringPropertyNames()).containsAll(named);
    }

    @Test
    void everyChoiceHasWordsAndEveryTextFormats() throws IOException {
        Properties words = words();
        for (EventType t : EventType.values()) {
            assertThat(words).containsKey("events.type." + t.key());
        }
        for (BookingState s : BookingState.values()) {
            assertThat(words).containsKey("events.state." + s.key());
        }
        for (ConsentRole r : ConsentRole.values()) {
            assertThat(words).containsKey("events.consent-role." + r.key());
        }
        for (BookerRole r : BookerRole.values()) {
            assertThat(words).containsKey("events.booker-role." + r.key());
        }
        for (String name : words.stringPropertyNames()) {
            assertThat(new MessageFormat(words.getProperty(name)).format(new Object[] {"a", "b", "c"})).isNotBlank();
        }
        assertThat(words.getProperty("events.mail.promoted.subject")).contains("{0}");
    }
}
