package id.formasi.solver.sheets;

import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A small workbook to break on purpose: the tiny sample's sheets, as rows of values that tests change. */
final class TestBook {

    final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    static TestBook tiny() {
        Snapshot tiny = new SnapshotReader().read(Path.of("../samples/tiny.json"));
        List<List<List<Object>>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        SheetsWriter.rows(tiny, rows.get(0), rows.get(1), rows.get(2), rows.get(3), rows.get(4), rows.get(5));
        TestBook book = new TestBook();
        for (int i = 0; i < Layout.ALL.size(); i++) {
            List<List<Object>> sheet = new ArrayList<>();
            sheet.add(new ArrayList<>(Layout.ALL.get(i).columns().stream().map(c -> (Object) c.name()).toList()));
            rows.get(i).forEach(row -> sheet.add(new ArrayList<>(row)));
            book.sheets.put(Layout.ALL.get(i).name(), sheet);
        }
        return book;
    }

    /** Sets a cell by its A1 reference, such as {@code set("pegawai", "A2", 1.9e17)}; null empties it. */
    TestBook set(String sheet, String a1, Object value) {
        int column = a1.charAt(0) - 'A';
        int row = Integer.parseInt(a1.substring(1)) - 1;
        List<List<Object>> rows = sheets.get(sheet);
        while (rows.size() <= row) {
            rows.add(new ArrayList<>());
        }
        List<Object> cells = rows.get(row);
        while (cells.size() <= column) {
            cells.add(null);
        }
        cells.set(column, value);
        return this;
    }

    TestBook remove(String sheet) {
        sheets.remove(sheet);
        return this;
    }

    /** Renames the sheet (its rows stay). */
    TestBook rename(String sheet, String name) {
        Map<String, List<List<Object>>> renamed = new LinkedHashMap<>();
        sheets.forEach((key, rows) -> renamed.put(key.equals(sheet) ? name : key, rows));
        sheets.clear();
        sheets.putAll(renamed);
        return this;
    }

    byte[] xlsx() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook book = new Workbook(bytes, "Test", "1.0");
        sheets.forEach((name, rows) -> {
            Worksheet ws = book.newWorksheet(name);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Cells.value(ws, r, c, rows.get(r).get(c));
                }
            }
        });
        book.finish();
        return bytes.toByteArray();
    }

    /** A value as a CSV field; one that holds the separator is quoted unless the test quoted it already. */
    private static String field(Object value, String separator) {
        String text = value == null ? "" : value.toString();
        return text.contains(separator) && !text.startsWith("\"") ? "\"" + text + "\"" : text;
    }

    /** The sheets as CSV files in a zip, each value as text. */
    byte[] csvZip(String separator, Charset charset) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var sheet : sheets.entrySet()) {
                StringBuilder csv = new StringBuilder();
                for (List<Object> row : sheet.getValue()) {
                    csv.append(String.join(separator, row.stream().map(v -> field(v, separator)).toList()))
                            .append("\n");
                }
                zip.putNextEntry(new ZipEntry(sheet.getKey() + ".csv"));
                zip.write(csv.toString().getBytes(charset));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
