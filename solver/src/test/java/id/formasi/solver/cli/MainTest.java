package id.formasi.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.snapshot.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Validates the text as a snapshot file, expects exit code 2 and returns what was printed as errors. */
    private String validateRejects(Path dir, String json) throws Exception {
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, json);
        assertEquals(2, run("validate", file.toString()));
        return stderr();
    }

    @Test
    void validateAcceptsTheSample() {
        assertEquals(0, run("validate", "../samples/tiny.json"), stderr());
        assertTrue(stdout().contains("is valid"), stdout());
    }

    @Test
    void validateNamesEveryErrorsPathAndExitsWithTwo(@TempDir Path dir) throws Exception {
        String sample = Files.readString(Path.of("../samples/tiny.json"));
        // Break two things at once: the first formation's minimum above its cap, and one NIP as a number.
        String broken = sample.replaceFirst("\"minimum\" : \\d+", "\"minimum\" : 999")
                .replaceFirst("\"id\" : \"(\\d{18})\"", "\"id\" : $1");
        String errors = validateRejects(dir, broken);
        // Each error: its path, then Bahasa Indonesia, then English.
        assertTrue(errors.startsWith("snapshot tidak sah: 2 kesalahan / invalid snapshot: 2 errors"), errors);
        assertTrue(errors.matches("(?s).*facilities\\[0]\\.formations\\[0]\\.minimum\\R +kebutuhan minimum 999 melebihi"
                + " formasi \\d+\\R +minimum 999 is above cap.*"), errors);
        assertTrue(errors.contains("staff[0].id"), errors);
        assertTrue(errors.contains("NIP harus 18 digit sebagai teks"), errors);
        assertFalse(errors.contains("Exception"), errors);
    }

    @Test
    void validateReportsMalformedJsonWithoutAStackTrace(@TempDir Path dir) throws Exception {
        String errors = validateRejects(dir, "{ \"schemaVersion\": 1,, }");
        assertTrue(errors.contains("baris 1, kolom"), errors);
        assertTrue(errors.contains("line 1"), errors);
        assertFalse(errors.contains("\tat "), errors);
    }

    @Test
    void validateReportsAMissingFile() {
        assertEquals(2, run("validate", "no-such-file.json"));
        assertTrue(stderr().contains("does not exist"), stderr());
    }

    @Test
    void solveWritesThePlanAndPrintsASummary(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        assertEquals(0, run("solve", "../samples/tiny.json", "--time", "2s", "--out", plan.toString()));
        PlanDocument document = Json.MAPPER.readValue(Files.readString(plan), PlanDocument.class);
        assertEquals(PlanStatus.SOLVED, document.status());
        assertEquals(0, document.score().hard());
        String summary = stdout();
        assertTrue(summary.contains("pelanggaran keras 0, kekurangan berbobot " + document.score().shortage()), summary);
        assertTrue(summary.contains("hard 0, weighted shortage " + document.score().shortage()), summary);
        // Progress on stderr, in words: no raw score such as 0hard/-3medium/-10soft.
        String progress = stderr();
        assertTrue(progress.contains("kekurangan berbobot/weighted shortage "), progress);
        assertFalse(progress.matches("(?s).*-?\\d+hard/.*"), progress);
    }

    @Test
    void badArgumentsShowTheUsage() {
        assertEquals(2, run("solve", "../samples/tiny.json", "--time", "soon"));
        assertTrue(stderr().contains("usage:"));
        assertEquals(2, run());
    }
}
