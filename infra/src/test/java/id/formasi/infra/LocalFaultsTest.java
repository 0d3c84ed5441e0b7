package id.formasi.infra;

import static id.formasi.infra.PlanRecord.Trigger.REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.infra.local.LocalBackend;
import id.formasi.infra.local.LocalSolveQueue;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files and a full disk under the local backend: set aside, cleaned, the rest intact. */
class LocalFaultsTest {

    @TempDir
    Path data;

    @Test
    void aDamagedQueueMessageIsSetAsideAndTheJobsAfterItStillArrive() throws Exception {
        LocalBackend backend = LocalBackend.open(data, "bucket");
        backend.queue().send(new SolveJob("p0"));
        Files.writeString(data.resolve("queue/garbage.json"), "\u0000\u0001 not json");
        Files.writeString(data.resolve("queue/half.json"), "{\"messageId\":\"half\",\"body\":\"{\\\"planId\\\":");
        Files.writeString(data.resolve("queue/empty.json"), "{}");
        backend.queue().send(new SolveJob("p1"));

        LocalSolveQueue.Message first = backend.queue().receive(Duration.ofSeconds(1)).orElseThrow();
        backend.queue().delete(first.messageId());
        LocalSolveQueue.Message second = backend.queue().receive(Duration.ofSeconds(1)).orElseThrow();
        assertEquals(List.of(new SolveJob("p0"), new SolveJob("p1")), Stream.of(first, second)
                .map(message -> Json.MAPPER.readValue(message.body(), SolveJob.class)).toList());
        assertEquals(List.of("empty.json", "garbage.json", "half.json"), names(data.resolve("quarantine/queue")));
        assertEquals(1, backend.queue().size());
    }

    @Test
    void aDamagedPlanRecordIsSetAsideNamedAndTheOtherPlansStillList() throws Exception {
        LocalBackend backend = LocalBackend.open(data, "bucket");
        backend.plans().create(PlanRecord.queued("good", "6471", "s1", "v1", 2, List.of(), null, REQUEST, Instant.now()));
        byte[] record = Files.readAllBytes(data.resolve("plans/good.json"));
        Files.write(data.resolve("plans/truncated.json"), java.util.Arrays.copyOf(record, record.length / 2));
        Files.writeString(data.resolve("plans/garbage.json"), "garbage");

        // Opening the backend again (a restart) and listing do not fail on them.
        LocalBackend reopened = LocalBackend.open(data, "bucket");
        assertEquals(List.of("good"), reopened.plans().list(null, null, null).stream().map(PlanRecord::planId).toList());
        assertTrue(reopened.plans().get("truncated").isEmpty());
        assertTrue(reopened.plans().damaged("truncated"));
        assertTrue(reopened.plans().damaged("garbage"));
        assertFalse(reopened.plans().damaged("good"));
        assertEquals(List.of("garbage.json", "truncated.json"), names(data.resolve("quarantine/plans")));

        Files.createDirectories(data.resolve("documents"));
        Files.writeString(data.resolve("documents/good.json"), "{\"planId\":");
        assertTrue(reopened.plans().document("good").isEmpty());
        assertTrue(reopened.plans().damaged("good"));
    }

    @Test
    void temporariesOfInterruptedWritesAreRemovedAtStart() throws Exception {
        Files.createDirectories(data.resolve("tmp"));
        Files.writeString(data.resolve("tmp/write-123.tmp"), "half");
        Files.writeString(data.resolve("tmp/sample-9.tmp"), "half");
        LocalBackend.open(data, "bucket");
        assertEquals(List.of(), names(data.resolve("tmp")));
    }

    /** A real full disk: a small tmpfs (needs root to mount; skipped where the machine does not allow it). */
    @Test
    void aFullDiskIsStorageFullLeavesNoTemporariesAndKeepsWhatWasStored() throws Exception {
        Path disk = Files.createDirectories(data.resolve("disk"));
        Assumptions.assumeTrue(Tmpfs.mount(disk, "256k"), "tmpfs cannot be mounted here");
        try {
            LocalBackend backend = LocalBackend.open(disk, "bucket");
            PlanRecord plan = PlanRecord.queued("kept", "6471", "s1", "v1", 2, List.of(), null, REQUEST, Instant.now());
            backend.plans().create(plan);
            Tmpfs.fill(disk.resolve("filler"));

            StorageFullException full = assertThrows(StorageFullException.class, () -> backend.plans().replace(1,
                    plan.withStatus(PlanStatus.SOLVING, Instant.now())));
            assertEquals("no space left on the data disk", full.getMessage());
            assertThrows(StorageFullException.class, () -> backend.plans().putDocument("kept", new PlanDocument(
                    "kept", "x".repeat(100_000), null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null, null, null, null)));
            assertEquals(List.of(), names(disk.resolve("tmp")));
            PlanRecord stored = backend.plans().get("kept").orElseThrow();
            assertEquals(PlanStatus.QUEUED, stored.status());
            assertEquals(1, stored.version());

            Files.delete(disk.resolve("filler"));
            assertEquals(2, backend.plans().replace(1, plan.withStatus(PlanStatus.SOLVING, Instant.now())).version());
        } finally {
            Tmpfs.unmount(disk);
        }
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
