package dev.participation.kit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import dev.participation.kit.i18n.Messages;

/** What the writer emits, read back by Apache Commons CSV (RFC 4180) as a spreadsheet would read it. */
class CsvWriterTest {

    private static final Messages WORDS = Messages.of(Locale.UK, new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"x.csv.name", "First name"}, {"x.csv.help", "What would help"}};
        }
    });

    private static List<CSVRecord> read(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void headingsAreInTheReadersWordsAndEveryCellComesBackAsTyped() throws Exception {
        String typed = "A quiet room, \"please\"\nand large print";
        String csv = CsvWriter.headed(WORDS, "x.csv.", "name", "help").row("Amira", typed).row("Kai", null).text();

        List<CSVRecord> rows = read(csv);

        assertThat(csv).startsWith("First name,What would help\r\n").endsWith("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("First name")).isEqualTo("Amira");
        assertThat(rows.get(0).get("What would help")).isEqualTo(typed);
        assertThat(rows.get(1).get("What would help")).isEmpty();
    }

    @Test
    void noCellStartsAFormulaAndWhatWasTypedStaysReadable() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"http://x.io\",\"y\")", "+44 7700 900982", "-1+1", "@SUM(1+1)",
                "\tTabbed", "\rReturned", "plain");
        String csv = new CsvWriter().row("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Heading 6",
                "Heading 7").row(hostile).text();

        CSVRecord row = read(csv).get(0);

        for (int i = 0; i < hostile.size() - 1; i++) {
            assertThat(row.get(i)).isEqualTo("'" + hostile.get(i));
        }
        assertThat(row.get(6)).isEqualTo("plain");
        assertThat(Arrays.asList(row.values())).allSatisfy(cell -> assertThat(cell).doesNotMatch("(?s)^[=+\\-@\t\r].*"));
    }

    @Test
    void theDownloadLinkHoldsTheFileExactly() {
        String csv = new CsvWriter().row("Name", "Note").row("Zoë", "50% + more, \"quoted\"").text();

        String link = CsvWriter.dataUri(csv);

        assertThat(link).startsWith("data:text/csv;charset=utf-8,").doesNotContain(" ").doesNotContain("+");
        assertThat(URLDecoder.decode(link.substring(link.indexOf(',') + 1), StandardCharsets.UTF_8)).isEqualTo(csv);
    }
}
