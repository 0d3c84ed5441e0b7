package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Spreadsheets over real HTTP to the local runtime: import a workbook, the template, a plan's decree workbook. */
class ImportApiTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static Runtime runtime;

    @BeforeAll
    static void start() throws IOException {
        runtime = new Runtime(Files.createTempDirectory("formasi-imports"), "formasi.solve.budget=1s",
                "formasi.local.tenant=9901");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static byte[] tinyWorkbook() {
        return Samples.tinyWorkbook("unused", null);
    }

    @Test
    void aWorkbookIsStoredAsASnapshotWithTheQueryWinningOverItsSnapshotSheet() {
        Runtime.Reply reply = runtime.send("POST", "/imports?snapshotId=api-import-1&planningDate=02/01/2027", XLSX,
                tinyWorkbook());
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("snapshotId").asString()).isEqualTo("api-import-1");
        assertThat(reply.body().get("staff").asInt()).isEqualTo(43);
        assertThat(runtime.get("/snapshots/api-import-1").status()).isEqualTo(200);
    }

    @Test
    void aRefusedWorkbookAnswers400WithEveryCellAndStoresNothing() {
        byte[] broken = Samples.tinyWorkbook("unused", "2,00301E+17");
        Runtime.Reply reply = runtime.send("POST", "/imports?snapshotId=api-import-bad", XLSX, broken);
        assertThat(reply.status()).isEqualTo(400);
        JsonNode detail = reply.body().get("details").get(0);
        assertThat(detail.get("cell").asString()).isEqualTo("pegawai!A2");
        assertThat(detail.get("path").asString()).isEqualTo("staff[0].id");
        assertThat(detail.get("message").asString()).contains("notasi ilmiah");
        assertThat(detail.get("messageEn").asString()).contains("scientific notation");
        assertThat(runtime.get("/snapshots/api-import-bad").status()).isEqualTo(404);

        Runtime.Reply text = runtime.send("POST", "/imports", "text/csv", "nip;nama\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void theTemplateIsAWorkbookWithTheFourSheets() throws Exception {
        Runtime.Download template = runtime.download("/imports/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).isEqualTo(XLSX);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(template.body()))) {
            assertThat(book.getSheets().map(s -> s.getName()).toList()).startsWith("jabatan", "unit", "formasi", "pegawai");
        }
    }

    @Test
    void aSolvedPlanDownloadsAsTheDecreeWorkbook() throws Exception {
        runtime.send("POST", "/imports?snapshotId=api-import-plan", XLSX, tinyWorkbook());
        String planId = runtime.json("POST", "/plans", Map.of("snapshotId", "api-import-plan", "budgetSeconds", 1))
                .body().get("planId").asString();
        runtime.await("/plans/" + planId, plan -> plan.get("status").asString().equals("SOLVED"), Duration.ofSeconds(90));
        Runtime.Download export = runtime.download("/plans/" + planId + "/export.xlsx");
        assertThat(export.status()).isEqualTo(200);
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(export.body()))) {
            List<Row> mutasi = book.findSheet("mutasi").orElseThrow().read();
            assertThat(mutasi.get(0).getCellAsString(1)).hasValue(planId);
            assertThat(mutasi.get(2).getCellAsString(1)).hasValue("SOLVED");
        }
    }

    @Test
    void aWorkbookDroppedInTheSnapshotFolderIsImportedAndPlanned() throws Exception {
        Path folder = runtime.dataDir.resolve("snapshots");
        Files.write(folder.resolve(".dropping.xlsx"), Samples.tinyWorkbook("folder-import-1", null));
        Files.move(folder.resolve(".dropping.xlsx"), folder.resolve("from-excel.xlsx"));
        JsonNode stored = runtime.await("/snapshots/folder-import-1", snapshot -> snapshot.get("snapshotId") != null
                && snapshot.path("plans").size() > 0, Duration.ofSeconds(90));
        assertThat(stored.get("staff").asInt()).isEqualTo(43);
        assertThat(Files.exists(folder.resolve("folder-import-1.json"))).isTrue();
    }
}
