package id.formasi.solver.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Snapshot;
import id.formasi.solver.snapshot.SnapshotReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spellings a planner's own files come in: headers, sheet names, encodings, separators, quoting. */
class ImportFormsTest {

    private static final Snapshot TINY = new SnapshotReader().read(Path.of("../samples/tiny.json"));

    private static Snapshot read(byte[] bytes) {
        return SheetImport.read(bytes, SheetImport.Fields.NONE).snapshot();
    }

    @Test
    void siasnHeadersAnyCaseAndSheetNamesInAnyCaseAreTheSameColumnsAndSheets() throws Exception {
        TestBook book = TestBook.tiny().rename("pegawai", "Pegawai").rename("unit", "UNIT");
        List<String> siasn = List.of("NIP BARU", "NAMA", "JENIS PEGAWAI", "Jabatan", "Kualifikasi-Lain", "Unit Kerja",
                "TGL LAHIR", "TMT JABATAN", "TMT CPNS", "AKHIR_KONTRAK", "lat.rumah", "LON RUMAH", "Dilindungi");
        for (int c = 0; c < siasn.size(); c++) {
            book.set("Pegawai", (char) ('A' + c) + "1", siasn.get(c));
        }
        assertEquals(Json.write(TINY), Json.write(read(book.xlsx())));
    }

    @Test
    void jobsMayBeGivenByTheirNameAndEmptyRowsAreSkipped() throws Exception {
        TestBook book = TestBook.tiny().set("pegawai", "D2", "guru kelas sd");
        book.sheets.get("pegawai").add(2, new java.util.ArrayList<>(java.util.Arrays.asList("", " ", null)));
        Snapshot snapshot = read(book.xlsx());
        assertEquals("GURU_KELAS_SD", snapshot.staff().get(0).job());
        assertEquals(TINY.staff().size(), snapshot.staff().size());
    }

    @Test
    void aUtf8CsvWithBomCommasAndQuotedDecimalCommasIsRead() throws Exception {
        TestBook book = TestBook.tiny().set("unit", "E2", "\"-1,2667\"").set("unit", "B2", "\"SD Negeri 001, \"\"Kota\"\"\"")
                .set("pegawai", "B2", "Désirée");
        byte[] zip = withBom(book.csvZip(",", StandardCharsets.UTF_8));
        Snapshot snapshot = read(zip);
        assertEquals(-1.2667, snapshot.facilities().get(0).location().lat());
        assertEquals("SD Negeri 001, \"Kota\"", snapshot.facilities().get(0).name());
        assertEquals("Désirée", snapshot.staff().get(0).name());
    }

    @Test
    void aWindows1252CsvWithSemicolonsIsRead() throws Exception {
        TestBook book = TestBook.tiny().set("pegawai", "B2", "Désirée").set("unit", "E2", "-1,2667");
        Snapshot snapshot = read(book.csvZip(";", CsvReader.WINDOWS_1252));
        assertEquals("Désirée", snapshot.staff().get(0).name());
        assertEquals(-1.2667, snapshot.facilities().get(0).location().lat());
    }

    @Test
    void csvErrorsNameTheFilesSheetAndTheColumnLetter() throws Exception {
        byte[] zip = TestBook.tiny().set("pegawai", "G3", "1975/13/40").csvZip(";", StandardCharsets.UTF_8);
        ImportError error = assertThrows(ImportException.class, () -> read(zip)).errors().get(0);
        assertEquals("pegawai!G3", error.cell());
        assertEquals("staff[1].birthDate", error.path());
    }

    @Test
    void csvFieldsFollowRfc4180() {
        String csv = "kode;nama\r\nA;\"two\r\nlines\";x\r\n\"B\";\"say \"\"hi\"\"\"\n";
        Table table = CsvReader.read("jabatan", csv.getBytes(StandardCharsets.UTF_8), new java.util.ArrayList<>());
        assertEquals("two\r\nlines", table.rows().get(0).cell(1).text());
        assertEquals("say \"hi\"", table.rows().get(1).cell(1).text());
        assertEquals("jabatan!B3", table.rows().get(1).cell(1).ref());
        assertEquals(';', CsvReader.separator("a;b,c;d\n1,2,3,4,5"));
        assertEquals(',', CsvReader.separator("\"a;b\",c\n"));
    }

    @Test
    void dateFormatsAreToldFromNumberFormats() {
        assertTrue(XlsxReader.isDate(14, "m/d/yy"));
        assertTrue(XlsxReader.isDate(165, "dd/mm/yyyy"));
        assertTrue(XlsxReader.isDate(166, "[$-421]dd mmmm yyyy;@"));
        assertEquals(false, XlsxReader.isDate(2, "0.00"));
        assertEquals(false, XlsxReader.isDate(167, "0.00\" days\""));
        assertEquals(false, XlsxReader.isDate(168, "[Red]0.0"));
    }

    private static byte[] withBom(byte[] zip) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                var z = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
                z.write(in.readAllBytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
