package dev.participation.events.internal.staff;

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

import dev.participation.events.internal.alerts.Fullness;

import org.junit.jupiter.api.Test;

/**
 * Every message key the staff pages, the editing pages and the alerts name (in code or in a
 * template) has words in their bundles, and every text is a valid MessageFormat pattern.
 */
class StaffWordsTest {

    static final String BASE = "/dev/participation/events/";

    static Properties words(String... bundles) throws IOException {
        Properties words = new Properties();
        for (String bundle : bundles) {
            try (InputStream in = StaffWordsTest.class.getResourceAsStream(BASE + bundle + "/Language.properties")) {
                words.load(in);
            }
        }
        return words;
    }

    static Set<String> named(Pattern key, String... folders) throws IOException {
        Set<String> named = new TreeSet<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        // A key ending in a dot is completed at run time (a state, a field): checked below.
                        if (!m.group(1).endsWith(".")) {
                            named.add(m.group(1));
                        }
                    }
                }
            }
        }
        return named;
    }

    @Test
    void everyKeyTheStaffPagesAndAlertsNameHasWords() throws IOException {
        Set<String> named = named(Pattern.compile("\"(events\\.(?:staff|alert)\\.[A-Za-z.\\-]+)\""),
                "src/main/java/dev/participation/events/internal/staff",
                "src/main/java/dev/participation/events/internal/alerts",
                "src/main/java/dev/participation/events/internal/store",
                "src/main/resources/dev/participation/events/templates/staff");
        Properties words = words("staff", "shared");
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(words.stringPropertyNames()).containsAll(named);
        for (Fullness f : Fullness.values()) {
            if (f != Fullness.OPEN) {
                assertThat(words).containsKeys("events.staff.fullness." + f.key(), "events.alert." + f.key()
                        + ".subject", "events.alert." + f.key() + ".body");
            }
        }
        for (String column : AttendeeCsv.COLUMNS) {
            assertThat(words).containsKey("events.staff.csv." + column);
        }
    }

    @Test
    void everyKeyTheEditingPagesNameHasWords() throws IOException {
        Set<String> named = named(Pattern.compile("\"(events\\.editing\\.[A-Za-z.\\-]+)\""),
                "src/main/java/dev/participation/events/internal/editing",
                "src/main/resources/dev/participation/events/templates/editing");
        Properties words = words("editing", "shared");
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(words.stringPropertyNames()).containsAll(named);
        for (String f : new String[] {"title", "description", "type", "youngest", "oldest", "tags", "access", "food",
            "signUpOpens", "signUpCloses", "consentAge", "promotion.mode", "promotion.offerHours",
            "promotion.stopsHoursBefore"}) {
            assertThat(words).containsKey("events.editing.field." + f);
        }
    }

    @Test
    void everyTextFormats() throws IOException {
        Properties words = words("staff", "editing");
        for (String name : words.stringPropertyNames()) {
            assertThat(new MessageFormat(words.getProperty(name)).format(new Object[] {1, 2, 3, 4, 5}))
                    .as(name).isNotBlank();
        }
    }
}
