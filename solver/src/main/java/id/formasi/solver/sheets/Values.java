package id.formasi.solver.sheets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell values as the contract reads them: Indonesian day-first dates, {@code .} or {@code ,} as the
 * decimal mark, and the NIP as text, refused when a spreadsheet has already rounded it. Each method
 * returns null and records an error when the cell cannot be read; values of personal columns are never
 * quoted back.
 */
final class Values {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+([.,]\\d+)?[eE][+]?\\d+");
    private static final int NIP_LENGTH = 18;
    private static final String NIP_FIX_ID = "format kolom NIP sebagai Teks lalu ketik atau tempel ulang NIP"
            + " lengkapnya (angka yang hilang tidak dapat dipulihkan)";
    private static final String NIP_FIX_EN = "format the NIP column as Text, then type or paste the full NIP again"
            + " (the lost digits cannot be recovered)";

    private final List<ImportError> errors;

    Values(List<ImportError> errors) {
        this.errors = errors;
    }

    void error(String cell, String path, String id, String en) {
        errors.add(new ImportError(cell, path, id, en));
    }

    /** The cell as text; a whole number as its digits (an NPSN kept as a number is still its id). */
    static String text(Cell cell) {
        if (cell.date() != null) {
            return cell.date().toString();
        }
        if (cell.isNumber()) {
            BigDecimal number = cell.number().stripTrailingZeros();
            return number.scale() <= 0 ? number.toPlainString() : cell.number().toPlainString();
        }
        return cell.text().strip();
    }

    BigDecimal number(Cell cell, String path) {
        if (cell.isNumber()) {
            return cell.number();
        }
        String text = cell.text().strip();
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text.replace(',', '.').replace("+", ""));
        }
        error(cell.ref(), path, "bukan angka: " + Quote.of(text) + "; tulis mis. 12 atau -1,2667",
                "not a number: " + Quote.of(text) + "; write e.g. 12 or -1.2667");
        return null;
    }

    /** A date cell, or text as 2026-10-21, 21/10/2026 or 21-10-2026 (day first). */
    LocalDate date(Cell cell, String path, boolean personal) {
        if (cell.date() != null) {
            return cell.date();
        }
        String shown = personal ? "" : " " + Quote.of(cell.isNumber() ? cell.text() : cell.text().strip());
        if (cell.isNumber()) {
            error(cell.ref(), path, "angka" + shown + ", bukan tanggal: format sel sebagai tanggal atau tulis 21/10/2026",
                    "a number" + shown + ", not a date: format the cell as a date or write 21/10/2026");
            return null;
        }
        String text = cell.text().strip();
        try {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(4)), Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(1)));
            }
        } catch (DateTimeException e) {
            error(cell.ref(), path, "tanggal" + shown + " tidak ada di kalender", "the date" + shown
                    + " does not exist in the calendar");
            return null;
        }
        error(cell.ref(), path, "bukan tanggal" + shown + ": tulis 21/10/2026, 21-10-2026 atau 2026-10-21",
                "not a date" + shown + ": write 21/10/2026, 21-10-2026 or 2026-10-21");
        return null;
    }

    /**
     * The NIP as text, spaces removed (documents print it as {@code 19730811 200007 2 001}). A number
     * cell, scientific notation or zeros after 15 significant digits mean a spreadsheet has rounded it.
     */
    String nip(Cell cell, String path) {
        String text = cell.isNumber() ? cell.text() : cell.text().replaceAll("[\\s\\u00a0]", "");
        String head = Quote.head(text);
        if (cell.isNumber()) {
            error(cell.ref(), path, "NIP " + head + " tersimpan sebagai angka, sehingga digit terakhirnya hilang; "
                    + NIP_FIX_ID, "NIP " + head + " is stored as a number, so its last digits are lost; " + NIP_FIX_EN);
            return null;
        }
        if (SCIENTIFIC.matcher(text).matches()) {
            error(cell.ref(), path, "NIP " + head + " tertulis dalam notasi ilmiah (seperti 1,97E+17) dan digitnya"
                    + " hilang; " + NIP_FIX_ID, "NIP " + head + " is written in scientific notation (like 1.97E+17)"
                    + " and its digits are lost; " + NIP_FIX_EN);
            return null;
        }
        if (text.length() == NIP_LENGTH && text.chars().allMatch(Character::isDigit) && text.endsWith("000")) {
            error(cell.ref(), path, "NIP " + head + " berakhir dengan nol setelah 15 digit: spreadsheet telah"
                    + " membulatkannya; " + NIP_FIX_ID, "NIP " + head + " ends in zeros after 15 digits: a spreadsheet"
                    + " has rounded it; " + NIP_FIX_EN);
            return null;
        }
        return text;
    }

    /** One of the accepted words (any case), as the snapshot's value; {@code shown} lists them for the message. */
    String choice(Cell cell, String path, Map<String, String> accepted, String shown) {
        String text = text(cell);
        String value = accepted.get(text.toUpperCase(java.util.Locale.ROOT));
        if (value == null) {
            error(cell.ref(), path, Quote.of(text) + " bukan salah satu dari " + shown,
                    Quote.of(text) + " is not one of " + shown);
        }
        return value;
    }
}
