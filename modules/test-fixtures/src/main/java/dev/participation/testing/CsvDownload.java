package dev.participation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;

/**
 * A staff page's export, as a person downloading it gets it: the {@code a#download} link's
 * {@code data:} address decoded and read back by a real CSV parser (Apache Commons CSV, RFC 4180),
 * with the first line as the headings.
 *
 * <p>A module using it declares {@code commons-csv} in test scope.
 */
public final class CsvDownload {

    private static final String DATA = "data:text/csv;charset=utf-8,";

    private CsvDownload() {
    }

    /** The rows of the file the export page's download link holds, by heading. */
    public static List<CSVRecord> rows(Document exportPage) {
        String href = exportPage.select("a#download").attr("href");
        assertThat(href).as("the download link").startsWith(DATA);
        String csv = URLDecoder.decode(href.substring(DATA.length()), StandardCharsets.UTF_8);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * No cell starts as a spreadsheet formula would (= + - @, a tab or a carriage return), so opening
     * the file never runs what someone typed into a public form.
     */
    public static void assertNoCellStartsAFormula(List<CSVRecord> rows) {
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell starts a formula").doesNotMatch("(?s)^[=+\\-@\t\r].*");
            }
        }
    }
}
