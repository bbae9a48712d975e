package dev.participation.kit.csv;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.participation.kit.i18n.Messages;

/**
 * Writes a CSV file line by line, as RFC 4180 has it: cells separated by commas, lines ended by
 * CRLF, a cell holding a comma, a quote or a line break quoted with its quotes doubled.
 *
 * <p>What people typed into a public form ends up in these files, and a spreadsheet takes a cell
 * starting with {@code = + - @}, a tab or a carriage return for a formula (which can run commands
 * or send the sheet elsewhere). Such a cell is written with a leading apostrophe, so opening the
 * export never runs what someone typed; the apostrophe shows, which staff can live with.
 *
 * <pre>
 * CsvWriter csv = CsvWriter.headed(words, "requests.csv.", "id", "firstName");
 * for (JoinRequest r : requests) {
 *     csv.row(Long.toString(r.id()), r.ask().firstName());
 * }
 * String link = CsvWriter.dataUri(csv.text());
 * </pre>
 */
public final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder text = new StringBuilder();

    /** An empty file. */
    public CsvWriter() {
    }

    /**
     * A file whose first line names its columns in the reader's language: each heading is the
     * text of {@code prefix + column}, so a council can translate them.
     */
    public static CsvWriter headed(Messages words, String prefix, String... columns) {
        CsvWriter csv = new CsvWriter();
        String[] headings = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headings[i] = words.get(prefix + columns[i]);
        }
        return csv.row(headings);
    }

    /** Adds a line; a {@code null} cell is written empty. */
    public CsvWriter row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells[i]));
        }
        text.append("\r\n");
        return this;
    }

    public CsvWriter row(List<String> cells) {
        return row(cells.toArray(String[]::new));
    }

    /** The file so far. */
    public String text() {
        return text.toString();
    }

    /**
     * A link that downloads the file without another request to the portal, since a staff page
     * answers with HTML only: {@code data:text/csv;charset=utf-8,...}, percent-encoded.
     */
    public static String dataUri(String csv) {
        return "data:text/csv;charset=utf-8," + URLEncoder.encode(csv, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One cell as written: guarded against formulas, then quoted where RFC 4180 needs it. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
