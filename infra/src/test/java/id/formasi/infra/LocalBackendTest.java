package id.formasi.infra;

import static id.formasi.infra.PlanRecord.Trigger.REQUEST;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.infra.local.LocalBackend;
import id.formasi.infra.local.LocalSolveQueue;
import id.formasi.solver.plan.PlanStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest {

    @TempDir
    Path data;

    @Test
    void planWritesAreConditionalOnTheVersionAndSurviveARestart() {
        LocalBackend backend = LocalBackend.open(data, "bucket");
        PlanRecord plan = PlanRecord.queued("p1", "6471", "s1", "v1", 2, List.of(), null, REQUEST, Instant.now());
        backend.plans().create(plan);
        assertThrows(AlreadyExistsException.class, () -> backend.plans().create(plan));

        PlanRecord solving = backend.plans().replace(1, plan.withStatus(PlanStatus.SOLVING, Instant.now()));
        assertEquals(2, solving.version());
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> backend.plans().replace(1, plan.withStatus(PlanStatus.FAILED, Instant.now())));
        assertEquals(2, stale.currentVersion());

        LocalBackend reopened = LocalBackend.open(data, "bucket");
        assertEquals(PlanStatus.SOLVING, reopened.plans().get("p1").orElseThrow().status());
        assertEquals(1, reopened.plans().list("6471", "s1", PlanStatus.SOLVING).size());
        assertTrue(reopened.plans().list("6471", "other", null).isEmpty());
        assertTrue(reopened.plans().get("../p1").isEmpty());
    }

    @Test
    void snapshotObjectsAreWrittenOnceAndVersionedByContent() throws Exception {
        LocalBackend backend = LocalBackend.open(data, "bucket");
        byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        StoredObject stored = backend.snapshots().putIfAbsent(SnapshotStore.keyOf("s1"), content, Map.of("requested-plan", "p1"));
        assertThrows(AlreadyExistsException.class, () -> backend.snapshots().putIfAbsent(SnapshotStore.keyOf("s1"), content, Map.of("requested-plan", "p1")));
        assertArrayEquals(content, Files.readAllBytes(data.resolve("snapshots/s1.json")));
        assertEquals(stored.versionId(), backend.snapshots().get("snapshots/s1.json").orElseThrow().versionId());
        assertTrue(backend.snapshots().get("snapshots/s1.json", "other").isEmpty());
        assertEquals("p1", backend.snapshots().get("snapshots/s1.json").orElseThrow().metadata().get(SnapshotStore.REQUESTED_PLAN));
        // Nothing half-written is left behind.
        try (var tmp = Files.list(data.resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }

        SnapshotInfo info = new SnapshotInfo("s1", "6471", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1),
                stored.key(), stored.versionId(), Instant.now(), 1, 1, 1, null, List.of());
        backend.catalog().put(info, null);
        assertThrows(AlreadyExistsException.class, () -> backend.catalog().put(info, null));
        assertThrows(VersionConflictException.class, () -> backend.catalog().put(info, "other"));
        backend.catalog().put(info, stored.versionId());
        assertEquals(List.of(info), backend.catalog().byTenant("6471"));
    }

    @Test
    void idempotencyKeysAreClaimedOnce() {
        LocalBackend backend = LocalBackend.open(data, "bucket");
        assertTrue(backend.idempotency().claim("b/k/v"));
        assertFalse(backend.idempotency().claim("b/k/v"));
        backend.idempotency().release("b/k/v");
        assertTrue(backend.idempotency().claim("b/k/v"));
        backend.idempotency().complete("b/k/v", "done");
        assertEquals("done", LocalBackend.open(data, "bucket").idempotency().outcome("b/k/v").orElseThrow());
    }

    @Test
    void queueRedeliversReleasedAndUndeletedMessages() throws Exception {
        LocalBackend backend = LocalBackend.open(data, "bucket");
        backend.queue().send(new SolveJob("p1"));
        LocalSolveQueue.Message first = backend.queue().receive(Duration.ofSeconds(1)).orElseThrow();
        assertEquals(1, first.receiveCount());
        assertTrue(backend.queue().receive(Duration.ofMillis(50)).isEmpty(), "in flight");
        backend.queue().release(first, Duration.ZERO);
        LocalSolveQueue.Message second = backend.queue().receive(Duration.ofSeconds(1)).orElseThrow();
        assertEquals(2, second.receiveCount());

        // A restart makes in-flight messages visible again.
        LocalSolveQueue reopened = LocalBackend.open(data, "bucket").queue();
        LocalSolveQueue.Message third = reopened.receive(Duration.ofSeconds(1)).orElseThrow();
        assertEquals(first.messageId(), third.messageId());
        reopened.delete(third.messageId());
        assertEquals(0, reopened.size());
    }
}
