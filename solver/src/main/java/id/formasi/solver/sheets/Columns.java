package id.formasi.solver.sheets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each of a sheet's columns is, found by header (docs/import-format.md): unknown headers are
 * warnings, a column given twice and a required column missing are errors.
 */
final class Columns {

    private final String sheet;
    private final Map<String, Integer> index = new HashMap<>();

    private Columns(String sheet) {
        this.sheet = sheet;
    }

    /**
     * @param collection the snapshot path of the sheet's rows, such as {@code staff}: a missing column is
     *                   reported once, for it
     */
    static Columns of(Table table, Layout.Sheet layout, String collection, List<ImportError> errors,
            List<ImportError> warnings) {
        Columns columns = new Columns(table.name());
        int last = -1;
        for (Map.Entry<Integer, Cell> entry : new TreeMap<>(table.header().cells()).entrySet()) {
            last = Math.max(last, entry.getKey());
            Cell header = entry.getValue();
            String text = Values.text(header);
            Layout.Column column = layout.columns().stream().filter(c -> c.matches(text)).findFirst().orElse(null);
            if (column == null) {
                warnings.add(new ImportError(header.ref(), collection, "kolom " + Quote.of(text)
                        + " tidak dikenal dan diabaikan", "unknown column " + Quote.of(text) + " is ignored"));
                continue;
            }
            Integer first = columns.index.putIfAbsent(column.name(), entry.getKey());
            if (first != null) {
                errors.add(new ImportError(header.ref(), collection, "kolom " + column.name() + " muncul dua kali,"
                        + " pertama di " + Cell.ref(table.name(), first, 1), "column " + column.name()
                        + " appears twice, first at " + Cell.ref(table.name(), first, 1)));
            }
        }
        for (Layout.Column column : layout.columns()) {
            if (column.required() && !columns.index.containsKey(column.name())) {
                // Named where it could be added: the first free cell of the header row.
                errors.add(new ImportError(Cell.ref(table.name(), last + 1, 1), collection,
                        "kolom " + column.name() + " tidak ada di lembar " + layout.name(),
                        "column " + column.name() + " is missing from the " + layout.name() + " sheet"));
            }
        }
        return columns;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** The row's cell of the column; null when the column is missing or the cell empty. */
    Cell cell(Table.Row row, String column) {
        Integer at = index.get(column);
        return at == null ? null : row.cell(at);
    }

    /** The reference of the row's cell in the column, even when it is empty; null when the column is missing. */
    String ref(Table.Row row, String column) {
        Integer at = index.get(column);
        return at == null ? null : row.ref(sheet, at);
    }
}
