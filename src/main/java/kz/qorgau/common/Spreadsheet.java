package kz.qorgau.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as a coordinator's spreadsheet opens it: CSV (RFC 4180) in UTF-8 with a byte order mark, which is what
 * makes Excel read Kazakh and Russian letters as such; the header row in the caller's language
 * ({@code csv/columns*.properties}), the values as the API gives them (codes, ids, ISO-8601 times).
 *
 * <p>A cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return: an
 * agency's name or a district is typed by people) is written with a leading apostrophe, so it shows as text.
 */
public final class Spreadsheet {

    public static final String MEDIA_TYPE = "text/csv";

    private static final String BUNDLE = "csv/columns";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Texts columns;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Spreadsheet(String lang, List<String> columnKeys) {
        this.columns = Texts.of(BUNDLE, lang);
        this.header = columnKeys.stream().map(columns::get).toList();
    }

    /** A table with these columns, named in the language. */
    public static Spreadsheet of(String lang, String... columnKeys) {
        return new Spreadsheet(lang, List.of(columnKeys));
    }

    /** One row; a null value is an empty cell. */
    public Spreadsheet row(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? "" : defused(String.valueOf(value)));
        }
        rows.add(cells);
        return this;
    }

    static String defused(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    public String text() {
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /** The answer: the table as an attachment named so, in the language of its header. */
    public Response response(String fileName) {
        return Response.ok(text())
                .type(MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, columns.lang())
                .header(HttpHeaders.VARY, "Accept, Accept-Language")
                .build();
    }

    /** CSV when the caller prefers it to JSON. */
    public static boolean wanted(HttpHeaders headers) {
        return Preferred.overJson(headers, "text", "csv");
    }

    /** The language of the header row: the one Accept-Language asks for, English when none matches. */
    public static String language(HttpHeaders headers) {
        return Texts.chosen(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
