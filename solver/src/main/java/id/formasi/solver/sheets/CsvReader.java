package id.formasi.solver.sheets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV file as a table: UTF-8 (with or without BOM) or Windows-1252, detected; separator
 * {@code ,} or {@code ;}, detected from the header line; quoting as RFC 4180. Every field is text.
 */
final class CsvReader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvReader() {
    }

    static Table read(String sheet, byte[] bytes, List<ImportError> errors) {
        String text = decode(bytes);
        char separator = separator(text);
        Table.Row header = null;
        List<Table.Row> rows = new ArrayList<>();
        int number = 0;
        Parser parser = new Parser(text, separator);
        List<String> fields;
        while ((fields = parser.next()) != null) {
            number++;
            Map<Integer, Cell> cells = new HashMap<>();
            for (int column = 0; column < fields.size(); column++) {
                String field = fields.get(column);
                if (!field.isBlank()) {
                    cells.put(column, Cell.text(Cell.ref(sheet, column, number), field));
                }
            }
            if (number == 1) {
                header = new Table.Row(1, cells);
            } else if (!cells.isEmpty()) {
                if (rows.size() == Limits.MAX_ROWS) {
                    errors.add(new ImportError(Cell.ref(sheet, 0, number), "$",
                            "lebih dari " + Limits.MAX_ROWS + " baris", "more than " + Limits.MAX_ROWS + " rows"));
                    break;
                }
                rows.add(new Table.Row(number, cells));
            }
        }
        if (parser.unclosedQuoteAt > 0) {
            errors.add(new ImportError(Cell.ref(sheet, 0, parser.unclosedQuoteAt), "$",
                    "tanda kutip \" yang dibuka di baris ini tidak pernah ditutup",
                    "a quote \" opened on this row is never closed"));
        }
        return new Table(sheet, header == null ? new Table.Row(1, Map.of()) : header, rows);
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252, what Excel on Windows writes. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** The separator of the header line (outside quotes): the more frequent of ; and , with , on a tie. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** RFC 4180 records: fields may be quoted, "" is a quote inside them, and line breaks in quotes are kept. */
    private static final class Parser {
        private final String text;
        private final char separator;
        private int at;
        private int record;
        int unclosedQuoteAt;

        Parser(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        List<String> next() {
            if (at >= text.length()) {
                return null;
            }
            record++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (quoted) {
                    if (c != '"') {
                        field.append(c);
                    } else if (at < text.length() && text.charAt(at) == '"') {
                        field.append('"');
                        at++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && at < text.length() && text.charAt(at) == '\n') {
                        at++;
                    }
                    break;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                unclosedQuoteAt = record;
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
