package id.formasi.solver.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the wanted sheets of an {@code .xlsx} workbook into tables, streaming (fastexcel-reader): a
 * number cell keeps its stored number, and a number formatted as a date becomes that date.
 */
final class XlsxReader {

    /** Built-in number formats that show a date (ECMA-376 18.8.30, with the East Asian date formats). */
    private static final Set<Integer> DATE_FORMATS = Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34,
            35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58);
    /** Quoted text, escaped characters and [...] sections (colours, locales, elapsed time) of a format. */
    private static final Pattern FORMAT_NOISE = Pattern.compile("\"[^\"]*\"|\\\\.|\\[[^]]*]");

    private XlsxReader() {
    }

    /** The wanted sheets found, by their lower-case name; errors for unreadable content go to {@code errors}. */
    static Map<String, Table> read(byte[] workbook, Set<String> wanted, List<ImportError> errors) {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook),
                new ReadingOptions(true, true))) {
            Map<String, String> seen = new HashMap<>();
            for (Sheet sheet : book.getSheets().toList()) {
                String key = sheet.getName().strip().toLowerCase(Locale.ROOT);
                if (!wanted.contains(key)) {
                    continue;
                }
                String first = seen.putIfAbsent(key, sheet.getName());
                if (first != null) {
                    errors.add(new ImportError(sheet.getName() + "!A1", "$",
                            "dua lembar bernama " + key + " (\"" + first + "\" dan \"" + sheet.getName() + "\")",
                            "two sheets named " + key + " (\"" + first + "\" and \"" + sheet.getName() + "\")"));
                    continue;
                }
                tables.put(key, table(sheet, errors));
            }
        } catch (IOException | RuntimeException e) {
            // fastexcel's messages name its own classes; the user needs to know the file is not a workbook.
            errors.add(new ImportError(null, "$", "berkas tidak dapat dibaca sebagai buku kerja .xlsx",
                    "the file cannot be read as an .xlsx workbook"));
        }
        return tables;
    }

    private static Table table(Sheet sheet, List<ImportError> errors) throws IOException {
        String name = sheet.getName();
        Table.Row header = null;
        List<Table.Row> rows = new ArrayList<>();
        try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
            Iterator<org.dhatim.fastexcel.reader.Row> it = stream.iterator();
            while (it.hasNext()) {
                org.dhatim.fastexcel.reader.Row source = it.next();
                Map<Integer, Cell> cells = new HashMap<>();
                for (org.dhatim.fastexcel.reader.Cell cell : source) {
                    if (cell != null) {
                        Cell read = cell(name, cell, source.getRowNum(), errors);
                        if (read != null) {
                            cells.put(cell.getColumnIndex(), read);
                        }
                    }
                }
                if (source.getRowNum() == 1) {
                    header = new Table.Row(1, cells);
                } else if (!cells.isEmpty()) {
                    if (rows.size() == Limits.MAX_ROWS) {
                        errors.add(new ImportError(Cell.ref(name, 0, source.getRowNum()), "$",
                                "lebih dari " + Limits.MAX_ROWS + " baris", "more than " + Limits.MAX_ROWS + " rows"));
                        break;
                    }
                    rows.add(new Table.Row(source.getRowNum(), cells));
                }
            }
        }
        return new Table(name, header == null ? new Table.Row(1, Map.of()) : header, rows);
    }

    /** The cell, or null when it is empty or blank. */
    private static Cell cell(String sheet, org.dhatim.fastexcel.reader.Cell cell, int row, List<ImportError> errors) {
        String ref = Cell.ref(sheet, cell.getColumnIndex(), row);
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> {
                BigDecimal number = cell.asNumber();
                LocalDate date = isDate(cell.getDataFormatId(), cell.getDataFormatString())
                        ? cell.asDate().toLocalDate() : null;
                yield new Cell(ref, cell.getRawValue(), number, date);
            }
            case ERROR -> {
                errors.add(new ImportError(ref, "$", "sel berisi galat lembar kerja " + cell.getRawValue(),
                        "the cell holds a spreadsheet error " + cell.getRawValue()));
                yield null;
            }
            case BOOLEAN -> Cell.text(ref, Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE");
            case STRING -> blank(cell.asString()) ? null : Cell.text(ref, cell.asString());
            // A formula counts by its last computed value, as the spreadsheet shows it.
            case FORMULA -> blank(cell.getRawValue()) ? null : Cell.text(ref, cell.getRawValue());
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && DATE_FORMATS.contains(formatId)) {
            return true;
        }
        if (format == null || formatId != null && formatId < 164) {
            return false;
        }
        String plain = FORMAT_NOISE.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
        return plain.indexOf('d') >= 0 || plain.indexOf('y') >= 0;
    }
}
