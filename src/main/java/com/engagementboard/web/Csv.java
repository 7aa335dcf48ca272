package com.engagementboard.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as people write it and spreadsheets read it (RFC 4180 through Apache Commons CSV): a value
 * may be quoted, so it can hold commas, quotes (doubled) and line breaks.
 *
 * <p>{@link #read} skips blank lines, trims every value and numbers each row by the line of the text it
 * starts on, so problems can name the line a person sees in their editor. {@link #write} quotes what
 * needs quoting and neutralises cells a spreadsheet would run as a formula (see {@link #neutralise}).
 */
public final class Csv {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** Characters that make a spreadsheet treat a cell as a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** A plain negative number: a spreadsheet reads it as a number, never as a formula. */
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** One row of a CSV text: the line it starts on (1 is the first line of the text) and its trimmed values. */
    public record Row(long line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public int size() {
            return cells.size();
        }

        public String get(int index) {
            return cells.get(index);
        }

        /** The values as they would be written back, for messages: {@code a,b,c}. */
        @Override
        public String toString() {
            return String.join(",", cells);
        }
    }

    /** The text is not CSV: a quote opened and never closed, or text right after a closing quote. */
    public static final class MalformedCsvException extends IllegalArgumentException {

        private final long line;
        private final String problem;

        MalformedCsvException(long line, String problem, Throwable cause) {
            super("line " + line + " " + problem, cause);
            this.line = line;
            this.problem = problem;
        }

        public long line() {
            return line;
        }

        public String problem() {
            return problem;
        }

        /** As a 400 problem that names the line: {@code "line 3": "..."}. */
        public InvalidInputException asInvalidInput() {
            return new InvalidInputException("line " + line, problem);
        }
    }

    /**
     * The rows of a CSV text, header included (callers check it), blank lines and rows of one blank value
     * left out. A leading byte-order mark (as Excel writes it) is ignored.
     *
     * @throws MalformedCsvException naming the line of the row that cannot be read
     */
    public static List<Row> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = csv.split("\r\n|\r|\n", -1);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = READ.parse(new StringReader(csv))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // The parser has read every line up to the end of the previous row; this one starts on
                // the first line after that which is not blank.
                long line = firstNonBlank(lines, parser.getCurrentLineNumber());
                if (line > lines.length) {
                    return rows;
                }
                CSVRecord record;
                try {
                    record = records.next();
                } catch (NoSuchElementException e) {
                    return rows;
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedCsvException(line, "is not valid CSV: a quoted value must be closed by a "
                            + "quote followed by a comma or the end of the line; write a quote inside a quoted "
                            + "value twice (\"\")", e);
                }
                List<String> cells = record.toList();
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue;
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long firstNonBlank(String[] lines, long after) {
        long line = after + 1;
        while (line <= lines.length && lines[(int) line - 1].isBlank()) {
            line++;
        }
        return line;
    }

    /**
     * A CSV text: the header, then one line per row; each value is written with {@link Objects#toString}
     * (null as empty), {@link #neutralise neutralised}, and quoted when it holds a comma, a quote or a
     * line break. Lines end with {@code \n}.
     */
    public static String write(List<String> header, Collection<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header.stream().map(Csv::neutralise));
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(v -> neutralise(Objects.toString(v, ""))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A cell a spreadsheet will show as text: one that starts with {@code = + - @}, a tab or a carriage
     * return gets a leading apostrophe, so Excel, LibreOffice and Google Sheets do not run it as a formula
     * (OWASP's advice on CSV injection). A plain negative number ({@code -12}, {@code -0.5}) stays as it is:
     * a spreadsheet reads it as a number, and it cannot call anything.
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0 || NEGATIVE_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
