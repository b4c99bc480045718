package org.groundtruth.store.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.InterchangeFields;

/**
 * {@code incidents.csv}: RFC 4180, UTF-8 without a byte-order mark, a header row with the columns of
 * {@link InterchangeFields#CSV_COLUMNS}, one row per incident; unknown values are empty cells. Text cells that a
 * spreadsheet would run as a formula get a leading {@code '} ({@link SpreadsheetSafe}); numbers stay numbers.
 */
final class CsvWriter {
    private CsvWriter() {
    }

    static void write(Iterable<ExportedIncident> rows, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(InterchangeFields.CSV_COLUMNS.toArray(String[]::new)).build();
        CSVPrinter csv = new CSVPrinter(text, format);
        for (ExportedIncident row : rows) {
            Map<String, Object> fields = InterchangeFields.of(row);
            for (String column : InterchangeFields.CSV_COLUMNS) {
                csv.print(SpreadsheetSafe.cell(fields.get(column)));
            }
            csv.println();
        }
        csv.flush();
    }
}
