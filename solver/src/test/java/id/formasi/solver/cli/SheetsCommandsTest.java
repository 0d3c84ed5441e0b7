package id.formasi.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetsCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void theSampleGoesToAWorkbookAndBackToTheSameSnapshot(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("tiny.xlsx");
        Path json = dir.resolve("tiny.json");
        assertEquals(0, run("workbook", "../samples/tiny.json", "--out", xlsx.toString()));
        assertEquals(0, run("import", xlsx.toString(), "--out", json.toString()));
        assertEquals(Files.readString(Path.of("../samples/tiny.json")), Files.readString(json));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("43 staff"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCallsValuesWinOverTheSnapshotSheet(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("tiny.zip");
        assertEquals(0, run("workbook", "../samples/tiny.json", "--out", zip.toString()));
        assertEquals(0, run("import", zip.toString(), "--snapshot-id", "kota-2027", "--planning-date", "02/01/2027"));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"snapshotId\" : \"kota-2027\""), json);
        assertTrue(json.contains("\"planningDate\" : \"2027-01-02\""), json);
    }

    @Test
    void aRefusedImportExitsWithTwoListsEveryCellAndWritesNothing(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("tiny.xlsx");
        assertEquals(0, run("workbook", "../samples/tiny.json", "--out", xlsx.toString()));
        Path json = dir.resolve("out.json");
        assertEquals(2, run("import", xlsx.toString(), "--as-of", "kemarin", "--out", json.toString()));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("import refused: 1 error"), errors);
        assertTrue(errors.contains("asOf") && errors.contains("bukan tanggal") && errors.contains("not a date"), errors);
        assertFalse(Files.exists(json));
        assertEquals(2, run("import", xlsx.toString(), "--tenant"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("option --tenant needs a value"));
    }

    @Test
    void aSolvedPlanExportsToTheDecreeWorkbook(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Path xlsx = dir.resolve("keputusan.xlsx");
        assertEquals(0, run("solve", "../samples/tiny.json", "--time", "1s", "--out", plan.toString()));
        assertEquals(0, run("export", plan.toString(), "--snapshot", "../samples/tiny.json", "--out", xlsx.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(xlsx + " written: "), out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(xlsx) > 0);
        assertEquals(2, run("export", plan.toString(), "--out", xlsx.toString()));
    }

    @Test
    void theTemplateIsWritten(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("template.xlsx");
        assertEquals(0, run("workbook", "--template", "--out", xlsx.toString()));
        assertTrue(Files.size(xlsx) > 0);
        assertEquals(2, run("workbook", "--template"));
    }
}
