package org.allmende.membership.usage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV upload (RFC 4180: comma, double quotes, a header line naming the columns in any order). A line that
 * cannot be read — a wrong number of fields, a value that is no number or date, a quote that is never closed — is
 * a record rejected with its line number and field; only a missing or unusable header refuses the upload.
 */
public final class UsageCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            // read what follows a closing quote, and a quote open at the end, as text: the line is then rejected
            // with its field instead of failing the whole upload
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    private static final Set<String> REQUIRED_COLUMNS = Set.copyOf(RecordFields.REQUIRED);

    private UsageCsv() {}

    public static List<SubmittedRecord> read(Reader body, int maximum) {
        try (var parser = CSVParser.builder().setReader(body).setFormat(FORMAT).get()) {
            var lines = parser.iterator();
            if (!lines.hasNext()) {
                throw BatchRefused.unreadable(
                        "The upload is empty; it needs a header line: " + String.join(",", expectedHeader()));
            }
            var header = header(lines.next());
            var records = new ArrayList<SubmittedRecord>();
            var lineNumber = parser.getCurrentLineNumber() + 1;
            while (lines.hasNext()) {
                var line = lines.next();
                if (records.size() == maximum) {
                    throw BatchRefused.tooLarge(maximum);
                }
                records.add(record(records.size(), lineNumber, line, header));
                lineNumber = parser.getCurrentLineNumber() + 1;
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw BatchRefused.unreadable(
                    "The upload cannot be read as CSV: " + e.getCause().getMessage());
        }
    }

    /** The position of each known column (unknown columns are ignored) and how many fields a line has. */
    private record Header(Map<String, Integer> columns, int size) {}

    private static Header header(CSVRecord line) {
        var known = new HashMap<String, String>();
        RecordFields.NAMES.forEach(name -> known.put(name.toLowerCase(Locale.ROOT), name));
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < line.size(); i++) {
            var given = line.get(i).strip();
            if (i == 0 && given.startsWith("\uFEFF")) {
                given = given.substring(1).strip();
            }
            var name = known.get(given.toLowerCase(Locale.ROOT));
            if (name != null && columns.put(name, i) != null) {
                throw BatchRefused.unreadable("The header line names the column " + name + " twice.");
            }
        }
        var missing = new TreeSet<String>(REQUIRED_COLUMNS);
        missing.removeAll(columns.keySet());
        var period = columns.containsKey(RecordFields.USED_AT)
                || (columns.containsKey(RecordFields.USED_FROM) && columns.containsKey(RecordFields.USED_TO));
        if (!missing.isEmpty() || !period) {
            throw BatchRefused.unreadable("The first line must be the header "
                    + String.join(",", expectedHeader())
                    + " (usedAt may replace usedFrom,usedTo; reversesRecordId may be left out); "
                    + (missing.isEmpty() ? "the period columns are" : "columns " + missing + " are")
                    + " missing.");
        }
        return new Header(columns, line.size());
    }

    private static SubmittedRecord record(int index, long lineNumber, CSVRecord line, Header header) {
        var where = "line " + lineNumber + ", ";
        var fields = new HashMap<String, String>();
        header.columns().forEach((name, column) -> {
            if (column < line.size()) {
                fields.put(name, line.get(column));
            }
        });
        if (line.size() != header.size()) {
            var unclosed = line.get(line.size() - 1).contains("\n");
            return SubmittedRecord.unreadable(
                    index,
                    key(fields.get(RecordFields.SENDING_SYSTEM)),
                    key(fields.get(RecordFields.RECORD_ID)),
                    new BrokenRule(
                            BrokenRule.MALFORMED,
                            where + "has " + line.size() + " fields, the header " + header.size()
                                    + (unclosed ? " (a quoted field is not closed)" : "")));
        }
        return RecordFields.read(index, where, fields);
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static List<String> expectedHeader() {
        return List.of(
                RecordFields.SENDING_SYSTEM,
                RecordFields.RECORD_ID,
                RecordFields.MEMBER_NUMBER,
                RecordFields.SERVICE_CODE,
                RecordFields.QUANTITY,
                RecordFields.UNIT,
                RecordFields.USED_FROM,
                RecordFields.USED_TO,
                RecordFields.REVERSES_RECORD_ID);
    }
}
