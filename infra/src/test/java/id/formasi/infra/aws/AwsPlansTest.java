package id.formasi.infra.aws;

import static id.formasi.infra.PlanRecord.Trigger.REQUEST;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.Pin;
import id.formasi.infra.AuditEntry;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.Planner;
import id.formasi.solver.generator.SnapshotGenerator;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.plan.Plans;
import id.formasi.solver.rules.ProblemBuilder;
import id.formasi.solver.snapshot.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Plan records with optimistic versions in DynamoDB, listed by tenant and snapshot; plan documents in S3. */
@AwsIntegration
class AwsPlansTest {

    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    @Test
    void twoApprovalsOfOneVersionOneWinsTheOtherConflicts(AwsEnvironment aws) throws Exception {
        AwsBackend backend = aws.backend(aws.create("plans").settings());
        PlanRecord plan = PlanRecord.queued("p1", "6471", "s1", "v1", 2, List.of(new Pin("199001", "F1", "GURU_KELAS")),
                null, REQUEST, T0);
        backend.plans().create(plan);
        assertThrows(AlreadyExistsException.class, () -> backend.plans().create(plan));
        PlanRecord solved = backend.plans().replace(1, plan.withStatus(PlanStatus.SOLVED, T0));
        assertEquals(2, solved.version());

        // Two reviewers approve version 2 at once: one conditional write wins, the other gets a conflict.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PlanRecord>> approvals = new ArrayList<>();
        for (String reviewer : List.of("ani", "budi")) {
            approvals.add(pool.submit(() -> {
                go.await();
                return backend.plans().replace(2, solved.audited(T0, reviewer, AuditEntry.Action.APPROVE, "ok", null)
                        .withStatus(PlanStatus.APPROVED, T0));
            }));
        }
        go.countDown();
        int won = 0;
        int conflicts = 0;
        for (Future<PlanRecord> approval : approvals) {
            try {
                assertEquals(3, approval.get().version());
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                VersionConflictException conflict = (VersionConflictException) e.getCause();
                assertEquals(3, conflict.currentVersion());
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, won);
        assertEquals(1, conflicts);
        PlanRecord stored = backend.plans().get("p1").orElseThrow();
        assertEquals(PlanStatus.APPROVED, stored.status());
        assertEquals(1, stored.audit().size());
        assertEquals(3, stored.audit().getFirst().version());
        assertEquals(List.of(new Pin("199001", "F1", "GURU_KELAS")), stored.pins());

        // A stale writer after that is refused too; update() re-reads and applies.
        assertThrows(VersionConflictException.class, () -> backend.plans().replace(2, solved));
        assertEquals(4, backend.plans().update("p1", current -> current.withFailure("note", T0)).orElseThrow().version());
        assertTrue(backend.plans().get("../p1").isEmpty());
        assertTrue(backend.plans().get("none").isEmpty());
    }

    @Test
    void plansAreListedByTenantSnapshotAndStatusNewestFirst(AwsEnvironment aws) {
        AwsBackend backend = aws.backend(aws.create("listing").settings());
        backend.plans().create(PlanRecord.queued("a", "6471", "s1", "v1", 2, List.of(), null, REQUEST, T0));
        backend.plans().create(PlanRecord.queued("b", "6471", "s2", "v1", 2, List.of(), null, REQUEST, T0.plusSeconds(1)));
        backend.plans().create(PlanRecord.queued("c", "6471", "s1", "v1", 2, List.of(), null, REQUEST, T0.plusSeconds(2)));
        backend.plans().create(PlanRecord.queued("d", "6472", "s9", "v1", 2, List.of(), null, REQUEST, T0.plusSeconds(3)));
        backend.plans().update("c", plan -> plan.withStatus(PlanStatus.SOLVED, T0));

        assertEquals(List.of("c", "b", "a"), ids(backend.plans().list("6471", null, null)));
        assertEquals(List.of("c", "a"), ids(backend.plans().list("6471", "s1", null)));
        assertEquals(List.of("c"), ids(backend.plans().list("6471", "s1", PlanStatus.SOLVED)));
        assertEquals(List.of("d"), ids(backend.plans().list("6472", null, null)));
        assertEquals(List.of("d", "c", "b", "a"), ids(backend.plans().list(null, null, null)));
        assertEquals(List.of("c", "a"), ids(backend.plans().list(null, "s1", null)));
        assertTrue(backend.plans().list("0000", null, null).isEmpty());
    }

    @Test
    void planDocumentsAreStoredPerTenant(AwsEnvironment aws) {
        AwsSettings settings = aws.create("documents").settings();
        AwsBackend backend = aws.backend(settings);
        var problem = ProblemBuilder.build(SnapshotGenerator.generate(SnapshotGenerator.Scale.TINY, 3));
        Planner.Result result = new Planner().solve(problem, Planner.Options.of(Duration.ZERO));
        PlanDocument document = Plans.document(problem, result, "p1");
        PlanRecord plan = PlanRecord.queued("p1", "6471", "s1", "v1", 2, List.of(), null, REQUEST, T0);
        backend.plans().create(plan);
        assertTrue(backend.plans().document("p1").isEmpty());

        backend.plans().putDocument("p1", document);
        assertEquals(Json.MAPPER.writeValueAsString(document),
                Json.MAPPER.writeValueAsString(backend.plans().document("p1").orElseThrow()));
        try (var s3 = aws.s3()) {
            assertTrue(s3.headObject(head -> head.bucket(settings.bucket()).key("plans/6471/p1.json")).contentLength() > 0);
        }
        assertTrue(backend.plans().document("unknown").isEmpty());
    }

    @Test
    void largeRecordsAreStoredCompressed(AwsEnvironment aws) {
        AwsBackend backend = aws.backend(aws.create("large").settings());
        List<Pin> pins = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            pins.add(new Pin("1990010120200101" + String.format("%02d", i % 100) + i, "F" + i, "GURU_KELAS"));
        }
        backend.plans().create(PlanRecord.queued("big", "6471", "s1", "v1", 2, pins, null, REQUEST, T0));
        assertEquals(6000, backend.plans().get("big").orElseThrow().pins().size());
    }

    private static List<String> ids(List<PlanRecord> plans) {
        return plans.stream().map(PlanRecord::planId).toList();
    }
}
