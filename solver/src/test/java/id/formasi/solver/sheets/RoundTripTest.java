package id.formasi.solver.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final Path SAMPLE = Path.of("../samples/balikpapan.json");

    @Test
    void theSampleWorkbookImportsToTheSampleSnapshotExactly() throws Exception {
        SheetImport.Result result = SheetImport.read(Path.of("../samples/balikpapan.xlsx"), SheetImport.Fields.NONE);
        assertEquals(Files.readString(SAMPLE), Json.write(result.snapshot()) + "\n");
        assertEquals(0, result.warnings().size(), result.warnings().toString());
    }

    @Test
    void theSampleWorkbookIsWhatTheWriterMakesOfTheSample() throws Exception {
        Snapshot sample = new SnapshotReader().read(SAMPLE);
        Snapshot again = SheetImport.read(SheetsWriter.workbook(sample), SheetImport.Fields.NONE).snapshot();
        assertEquals(Json.write(sample), Json.write(again));
    }

    @Test
    void aCsvZipWithSemicolonsDecimalCommasAndWindows1252ImportsToTheSameSnapshot() throws Exception {
        Snapshot sample = new SnapshotReader().read(SAMPLE);
        byte[] zip = CsvWriter.zip(sample);
        String units = entry(zip, "unit.csv", CsvReader.WINDOWS_1252.name());
        assertTrue(units.startsWith("id;nama;jenis;kecamatan;lat;lon;status\r\n"), units.substring(0, 80));
        assertTrue(units.matches("(?s).*;-1,\\d+;116,\\d+;.*"), "decimal commas");
        Snapshot again = SheetImport.read(zip, SheetImport.Fields.NONE).snapshot();
        assertEquals(Json.write(sample), Json.write(again));
    }

    @Test
    void aFolderOfCsvFilesImportsLikeTheZip(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Snapshot tiny = new SnapshotReader().read(Path.of("../samples/tiny.json"));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(CsvWriter.zip(tiny)))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Files.write(dir.resolve(e.getName().toUpperCase(java.util.Locale.ROOT)), zip.readAllBytes());
            }
        }
        assertEquals(Json.write(tiny), Json.write(SheetImport.read(dir, SheetImport.Fields.NONE).snapshot()));
    }

    static String entry(byte[] zipBytes, String name, String charset) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), charset);
                }
            }
        }
        throw new AssertionError(name + " not in the zip");
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
