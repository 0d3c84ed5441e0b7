package id.formasi.solver.sheets;

import java.time.LocalDate;
import org.dhatim.fastexcel.Worksheet;

/** One value into a worksheet cell: text as text, numbers as numbers, dates as day-first date cells. */
final class Cells {

    private Cells() {
    }

    static void value(Worksheet ws, int row, int column, Object value) {
        switch (value) {
            case null -> { }
            case String text -> ws.value(row, column, text);
            case Number number -> ws.value(row, column, number);
            case LocalDate date -> {
                ws.value(row, column, date);
                ws.style(row, column).format(SheetsWriter.DATE_FORMAT).set();
            }
            default -> ws.value(row, column, value.toString());
        }
    }
}
