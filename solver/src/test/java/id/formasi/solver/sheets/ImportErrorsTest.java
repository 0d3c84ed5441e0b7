package id.formasi.solver.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of error on a small broken workbook, with its cell, its snapshot path and both messages. */
class ImportErrorsTest {

    private static List<ImportError> refused(TestBook book) throws Exception {
        byte[] xlsx = book.xlsx();
        return assertThrows(ImportException.class, () -> SheetImport.read(xlsx, SheetImport.Fields.NONE)).errors();
    }

    private static ImportError only(List<ImportError> errors) {
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    /** An error expected at {@code cell} and {@code path}, its messages containing {@code id} and {@code en}. */
    private record Expected(String cell, String path, String id, String en) {
    }

    private static Expected error(String cell, String path, String id, String en) {
        return new Expected(cell, path, id, en);
    }

    /** Exactly these errors, in this order. */
    private static void assertErrors(List<ImportError> errors, Expected... expected) {
        assertEquals(expected.length, errors.size(), errors.toString());
        for (int i = 0; i < expected.length; i++) {
            Expected e = expected[i];
            assertError(errors.get(i), e.cell(), e.path(), e.id(), e.en());
        }
    }

    private static void assertError(ImportError error, String cell, String path, String id, String en) {
        assertEquals(cell, error.cell(), error.toString());
        assertEquals(path, error.path(), error.toString());
        assertTrue(error.id().contains(id), error.id());
        assertTrue(error.en().contains(en), error.en());
    }

    @Test
    void aNipKeptInANumberCellIsRefusedWithItsCell() throws Exception {
        ImportError error = only(refused(TestBook.tiny().set("pegawai", "A3", 1.96807222023102001e17)));
        assertError(error, "pegawai!A3", "staff[1].id", "tersimpan sebagai angka", "stored as a number");
        assertTrue(error.en().contains("format the NIP column as Text"), error.en());
        assertFalse(error.en().contains("196807222"), "the NIP is quoted by its first characters only");
    }

    @Test
    void aNipInScientificNotationIsRefusedInBothSpellings() throws Exception {
        List<ImportError> errors = refused(TestBook.tiny().set("pegawai", "A2", "1,97E+17").set("pegawai", "A4",
                "1.97404E+17"));
        assertErrors(errors,
                error("pegawai!A2", "staff[0].id", "notasi ilmiah", "scientific notation"),
                error("pegawai!A4", "staff[2].id", "notasi ilmiah", "scientific notation"));
    }

    @Test
    void aNipEndingInZerosAfterFifteenDigitsIsRefused() throws Exception {
        ImportError error = only(refused(TestBook.tiny().set("pegawai", "A2", "200301152025012000")));
        assertError(error, "pegawai!A2", "staff[0].id", "berakhir dengan nol", "ends in zeros after 15 digits");
    }

    @Test
    void aNipWithSpacesAsDocumentsPrintItIsRead() throws Exception {
        byte[] xlsx = TestBook.tiny().set("pegawai", "A2", "20030115 202501 2 001").xlsx();
        assertEquals("200301152025012001", SheetImport.read(xlsx, SheetImport.Fields.NONE).snapshot().staff().get(0).id());
    }

    @Test
    void datesThatAreNoDatesNameTheirCellAndKeepBirthDatesOutOfTheMessage() throws Exception {
        List<ImportError> errors = refused(TestBook.tiny().set("pegawai", "G2", "31/02/1980")
                .set("pegawai", "H2", "kemarin").set("pegawai", "I3", 20250101));
        assertErrors(errors,
                error("pegawai!G2", "staff[0].birthDate", "tidak ada di kalender", "does not exist"),
                error("pegawai!H2", "staff[0].postedSince", "bukan tanggal", "not a date \"kemarin\""),
                error("pegawai!I3", "staff[1].firstPostingSince", "bukan tanggal", "not a date"));
        assertFalse(errors.get(0).en().contains("1980"), "a birth date is personal");
    }

    @Test
    void numbersAndChoicesThatCannotBeReadNameTheirCell() throws Exception {
        List<ImportError> errors = refused(TestBook.tiny().set("formasi", "C2", "sembilan")
                .set("pegawai", "C2", "HONORER").set("jabatan", "C2", "PERTANIAN").set("unit", "G2", "RUSAK"));
        assertErrors(errors,
                error("jabatan!C2", "jobs[0].sector", "bukan salah satu dari", "is not one of"),
                error("unit!G2", "facilities[0].status", "BUKA, BARU, TUTUP", "\"RUSAK\""),
                error("formasi!C2", "facilities[0].formations[0].cap", "bukan angka", "not a number"),
                error("pegawai!C2", "staff[0].employment", "PNS, PPPK", "\"HONORER\""));
    }

    @Test
    void aMissingColumnIsOneErrorAtTheHeaderNotOneARow() throws Exception {
        TestBook book = TestBook.tiny();
        book.sheets.get("pegawai").forEach(row -> row.set(6, null));
        ImportError error = only(refused(book));
        assertError(error, "pegawai!N1", "staff", "kolom tanggal_lahir tidak ada", "column tanggal_lahir is missing");
    }

    @Test
    void aMissingSheetAndATwiceGivenColumnAreErrors() throws Exception {
        List<ImportError> errors = refused(TestBook.tiny().remove("jabatan").set("unit", "H1", "NAMA UNIT"));
        assertErrors(errors,
                error("jabatan!A1", "jobs", "lembar jabatan tidak ada", "jabatan sheet is missing"),
                error("unit!H1", "facilities", "muncul dua kali, pertama di unit!B1", "appears twice"));
    }

    @Test
    void theValidatorsErrorsAreMappedBackToTheirCells() throws Exception {
        List<ImportError> errors = refused(TestBook.tiny()
                .set("formasi", "D2", 50)                       // minimum above cap
                .set("pegawai", "A3", "200301152025012001")     // the NIP of row 2 again
                .set("pegawai", "D4", "DOKTER_HEWAN")           // unknown job
                .set("pegawai", "F5", "99999999")               // unknown facility
                .set("pegawai", "J2", "31/12/2030"));           // contract end of a PNS
        assertErrors(errors,
                error("formasi!D2", "facilities[0].formations[0].minimum", "kebutuhan 50 melebihi formasi 9",
                        "minimum 50 is above cap 9"),
                error("pegawai!J2", "staff[0].contractEnd", "hanya untuk PPPK", "only for PPPK"),
                error("pegawai!A3", "staff[1].id", "NIP ganda, pertama di pegawai!A2", "first at pegawai!A2"),
                error("pegawai!D4", "staff[2].job", "tidak ada di lembar jabatan", "unknown job"),
                error("pegawai!F5", "staff[3].facility", "tidak ada di lembar unit", "unknown facility"));
    }

    @Test
    void aFormationOfAnUnknownUnitAndAnEmptyRequiredCellAreNamed() throws Exception {
        List<ImportError> errors = refused(TestBook.tiny().set("formasi", "A3", "00000000").set("unit", "B2", null));
        assertErrors(errors,
                error("unit!B2", "facilities[0].name", "wajib diisi", "is required"),
                error("formasi!A3", "facilities[].formations", "tidak ada di lembar unit", "not in the unit sheet"));
    }

    @Test
    void snapshotFieldsComeFromTheSheetOrTheCallAndAreRequired() throws Exception {
        TestBook book = TestBook.tiny().set("snapshot", "B4", "01/01/2027");
        SheetImport.Fields call = new SheetImport.Fields("from-call", null, "21-10-2026", null);
        var snapshot = SheetImport.read(book.xlsx(), call).snapshot();
        assertEquals("from-call", snapshot.snapshotId());
        assertEquals("2026-10-21", snapshot.asOf().toString());
        assertEquals("2027-01-01", snapshot.planningDate().toString());

        byte[] bare = TestBook.tiny().remove("snapshot").xlsx();
        List<ImportError> errors = assertThrows(ImportException.class,
                () -> SheetImport.read(bare, new SheetImport.Fields("x", "6471", "2026-10-21", null))).errors();
        ImportError error = only(errors);
        assertEquals(null, error.cell());
        assertError(error, null, "planningDate", "lembar snapshot", "snapshot sheet or give it with the command");
    }

    @Test
    void unknownPolicyKeysAreErrorsAndUnknownColumnsWarnings() throws Exception {
        ImportError error = only(refused(TestBook.tiny().set("kebijakan", "A2", "jarakMaksimum")));
        assertError(error, "kebijakan!A2", "policy", "tidak dikenal", "known keys: minYearsAtPost");
        var result = SheetImport.read(TestBook.tiny().set("pegawai", "N1", "Golongan").xlsx(), SheetImport.Fields.NONE);
        assertEquals(1, result.warnings().size());
        assertError(result.warnings().get(0), "pegawai!N1", "staff", "tidak dikenal dan diabaikan", "is ignored");
    }

    @Test
    void whatIsNoWorkbookIsRefusedAsAWhole() {
        ImportError error = only(assertThrows(ImportException.class,
                () -> SheetImport.read("nip;nama\n".getBytes(), SheetImport.Fields.NONE)).errors());
        assertError(error, null, "$", "bukan buku kerja", "not an .xlsx workbook");
        byte[] xls = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0};
        assertError(only(assertThrows(ImportException.class, () -> SheetImport.read(xls, SheetImport.Fields.NONE))
                .errors()), null, "$", "simpan sebagai .xlsx", "save it as .xlsx");
    }
}
