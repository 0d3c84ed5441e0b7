package id.formasi.solver.sheets;

import id.formasi.solver.snapshot.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a snapshot as the import's CSV files in a zip, the way Excel in an Indonesian locale saves
 * them: {@code ;} between fields, {@code ,} as the decimal mark, day-first dates, Windows-1252, CRLF.
 */
public final class CsvWriter {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CsvWriter() {
    }

    /** Throws IllegalArgumentException when a text has a character Windows-1252 cannot hold. */
    public static byte[] zip(Snapshot snapshot) {
        List<List<List<Object>>> sheets = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        SheetsWriter.rows(snapshot, sheets.get(0), sheets.get(1), sheets.get(2), sheets.get(3), sheets.get(4),
                sheets.get(5));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < Layout.ALL.size(); i++) {
                Layout.Sheet layout = Layout.ALL.get(i);
                StringBuilder csv = new StringBuilder();
                csv.append(String.join(";", layout.columns().stream().map(Layout.Column::name).toList())).append("\r\n");
                for (List<Object> row : sheets.get(i)) {
                    for (int c = 0; c < row.size(); c++) {
                        csv.append(c > 0 ? ";" : "").append(field(row.get(c)));
                    }
                    csv.append("\r\n");
                }
                zip.putNextEntry(new ZipEntry(layout.name() + ".csv"));
                zip.write(encode(layout.name(), csv));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String field(Object value) {
        String text = switch (value) {
            case null -> "";
            case LocalDate date -> date.format(DAY_FIRST);
            case Double number -> BigDecimal.valueOf(number).toPlainString().replace('.', ',');
            default -> value.toString();
        };
        boolean quote = text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static byte[] encode(String sheet, CharSequence text) {
        try {
            ByteBuffer buffer = CsvReader.WINDOWS_1252.newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(sheet + ".csv has a character that Windows-1252 cannot hold", e);
        }
    }
}
