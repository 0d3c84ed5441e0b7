package id.formasi.solver.sheets;

import java.util.List;
import java.util.Map;

/**
 * One sheet (or CSV file) as rows of cells: row 1 is the header; rows without any non-blank cell are
 * already left out.
 *
 * @param name the sheet name as the contract spells it (lower case), used in every cell reference
 */
record Table(String name, Row header, List<Row> rows) {

    Table {
        rows = List.copyOf(rows);
    }

    /**
     * One row: its number as the spreadsheet shows it (1-based) and its non-empty cells by zero-based
     * column.
     */
    record Row(int number, Map<Integer, Cell> cells) {

        Row {
            cells = Map.copyOf(cells);
        }

        Cell cell(int column) {
            return cells.get(column);
        }

        /** The reference of a column in this row, whether or not the cell has a value. */
        String ref(String sheet, int column) {
            return Cell.ref(sheet, column, number);
        }
    }
}
