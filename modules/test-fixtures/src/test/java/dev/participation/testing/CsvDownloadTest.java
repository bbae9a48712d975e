package dev.participation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The export oracle: the download link is read back by heading, and a formula in any cell is caught. */
class CsvDownloadTest {

    private static Document exportPage(String csv) {
        String href = "data:text/csv;charset=utf-8," + URLEncoder.encode(csv, StandardCharsets.UTF_8).replace("+", "%20");
        return Jsoup.parseBodyFragment("<a id=\"download\" download=\"x.csv\" href=\"" + href + "\">Download</a>");
    }

    @Test
    void theRowsAreReadByHeadingWithQuotedCommasQuotesAndLineBreaks() {
        List<CSVRecord> rows = CsvDownload.rows(exportPage("Name,Help\r\nAmira,\"A quiet room, \"\"please\"\"\nthanks\"\r\n"));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Name")).isEqualTo("Amira");
        assertThat(rows.get(0).get("Help")).isEqualTo("A quiet room, \"please\"\nthanks");
        CsvDownload.assertNoCellStartsAFormula(rows);
    }

    @Test
    void aCellStartingAFormulaFails() {
        for (String formula : List.of("=1+1", "+44 7700 900982", "-1", "@SUM(A1)", "\"\tx\"")) {
            List<CSVRecord> rows = CsvDownload.rows(exportPage("Name\r\n" + formula + "\r\n"));

            assertThatThrownBy(() -> CsvDownload.assertNoCellStartsAFormula(rows)).as(formula)
                    .hasMessageContaining("no cell starts a formula");
        }
    }

    @Test
    void aPageWithoutADownloadLinkFails() {
        assertThatThrownBy(() -> CsvDownload.rows(Jsoup.parseBodyFragment("<p>Nothing to download</p>")))
                .hasMessageContaining("the download link");
    }
}
