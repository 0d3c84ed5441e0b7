package id.formasi.solver.sheets;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One non-empty cell as read from a workbook or a CSV file, whatever the source.
 *
 * @param ref    where it is, as {@code sheet!A1}
 * @param text   the text as written (a text cell or CSV field), or the number as stored (a number cell)
 * @param number the stored number of a number cell, else null
 * @param date   the date of a number cell formatted as a date, else null
 */
public record Cell(String ref, String text, BigDecimal number, LocalDate date) {

    static Cell text(String ref, String text) {
        return new Cell(ref, text, null, null);
    }

    boolean isNumber() {
        return number != null;
    }

    /** A1-style column letters of a zero-based index: 0 is A, 26 is AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    static String ref(String sheet, int column, int row) {
        return sheet + "!" + column(column) + row;
    }
}
