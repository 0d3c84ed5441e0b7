package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.Tmpfs;
import id.formasi.infra.local.LocalBackend;
import id.formasi.infra.local.LocalSnapshotStore;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pipeline's faults on the local backend, through the functions as Lambda runs them: damaged files, a
 * solve that fails outside the handled path, duplicate deliveries, a crash (SIGKILL) during an arrival,
 * same-date snapshots, a re-dropped file, a full disk (a small tmpfs where it can be mounted) and repeated
 * requests. Each test uses its own tenant, so that the arrivals of one do not touch the plans of another.
 */
class PipelineFaultsTest {

    private static final String BUCKET = "formasi-snapshots";
    private static Path data;
    private static boolean tmpfs;
    private static Lambda lambda;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("formasi-faults");
        tmpfs = Tmpfs.mount(data, "64m");
        lambda = new Lambda(data, Map.of("formasi.solve.budget", "1s"));
    }

    @AfterAll
    static void clear() {
        Stream.of("formasi.data-dir", "formasi.local.runtime", "formasi.solve.budget", "MAIN_CLASS")
                .forEach(System::clearProperty);
        if (tmpfs) {
            Tmpfs.unmount(data);
        }
    }

    record Answer(int status, JsonNode body) {
    }

    private static Answer call(String method, String path, Object body, String... headers) {
        String text = body == null ? null : Json.MAPPER.writeValueAsString(body);
        ObjectNode event = Lambda.http(method, path, text);
        for (int i = 0; i < headers.length; i += 2) {
            ((ObjectNode) event.get("headers")).put(headers[i], headers[i + 1]);
        }
        JsonNode response = lambda.api(event);
        return new Answer(response.get("statusCode").asInt(), Json.MAPPER.readTree(response.get("body").asString()));
    }

    private static ObjectNode tiny(String snapshotId, String tenant) {
        ObjectNode snapshot = Samples.tiny(snapshotId);
        snapshot.put("tenant", tenant);
        return snapshot;
    }

    private static String submit(ObjectNode snapshot) {
        Answer submitted = call("POST", "/plans", Map.of("snapshot", snapshot, "budgetSeconds", 1));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
        return submitted.body().get("planId").asString();
    }

    private static JsonNode plan(String planId) {
        Answer plan = call("GET", "/plans/" + planId, null);
        assertThat(plan.status()).as("%s", plan.body()).isEqualTo(200);
        return plan.body();
    }

    private static JsonNode arrived(String snapshotId) {
        String version = call("GET", "/snapshots/" + snapshotId, null).body().get("versionId").asString();
        return lambda.snapshotChanged(Lambda.objectCreated(BUCKET, "snapshots/" + snapshotId + ".json", version));
    }

    /** The data folder's records, as a second reader of the same files. */
    private static LocalBackend files() {
        return LocalBackend.open(data, BUCKET);
    }

    // --- 5: a damaged stored file

    @Test
    void aDamagedPlanFileIsSetAsideTheOthersStillListAndTheApiSaysWhatHappenedToIt() throws IOException {
        String planId = submit(tiny("fault-damaged", "6401"));
        Files.writeString(data.resolve("plans/plan-00000000000bad1.json"), "{\"planId\":\"plan-00000000000bad1\",\"ten");
        Files.writeString(data.resolve("plans/plan-00000000000bad2.json"), "\u0000garbage");

        Answer list = call("GET", "/plans?limit=1000", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).extracting(item -> item.get("planId").asString()).contains(planId)
                .doesNotContain("plan-00000000000bad1", "plan-00000000000bad2");
        Answer damaged = call("GET", "/plans/plan-00000000000bad1", null);
        assertThat(damaged.status()).isEqualTo(410);
        assertThat(damaged.body().get("message").asString()).contains("damaged", "set aside");
        assertThat(call("GET", "/plans/plan-00000000000bad9", null).status()).isEqualTo(404);
        assertThat(data.resolve("quarantine/plans/plan-00000000000bad1.json")).exists();
        assertThat(data.resolve("quarantine/plans/plan-00000000000bad2.json")).exists();
    }

    // --- 6: every job ends

    @Test
    void aCorruptWarmStartDocumentStillLetsTheRecomputeEnd() throws IOException {
        String approved = submit(tiny("fault-warm-1", "6404"));
        assertThat(lambda.solve(Lambda.sqs(approved, 1)).get("batchItemFailures")).isEmpty();
        long version = plan(approved).get("version").asLong();
        assertThat(call("POST", "/plans/" + approved + "/decision", Map.of("decision", "approve", "version", version))
                .status()).isEqualTo(200);
        Files.writeString(data.resolve("documents/" + approved + ".json"), "{\"planId\": \"" + approved + "\", \"placements\": [");

        ObjectNode next = tiny("fault-warm-2", "6404");
        next.put("asOf", "2026-10-22");
        assertThat(call("POST", "/snapshots", next).status()).isEqualTo(201);
        JsonNode arrival = arrived("fault-warm-2");
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        String recompute = arrival.get("planId").asString();
        assertThat(plan(recompute).get("warmStartFrom").asString()).isEqualTo(approved);

        assertThat(lambda.solve(Lambda.sqs(recompute, 1)).get("batchItemFailures")).isEmpty();
        assertThat(plan(recompute).get("status").asString()).isEqualTo("SOLVED");
        assertThat(call("GET", "/plans/" + approved + "/placements", null).status()).isEqualTo(410);
    }

    @Test
    void aJobInTheDeadLetterQueueFailsItsPlanWithTheReason() {
        String planId = submit(tiny("fault-dead", "6403"));
        // Three attempts died (timeouts): the record as the last of them left it.
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now().minus(Duration.ofHours(1)))
                .withAttempt(3, Instant.now().minus(Duration.ofHours(1))));
        ObjectNode dead = Lambda.sqs(planId, 1);
        ((ObjectNode) dead.get("Records").get(0)).put("eventSourceARN",
                "arn:aws:sqs:ap-southeast-3:123456789012:formasi-SolveDeadLetterQueue");
        assertThat(lambda.solveFailed(dead).get("batchItemFailures")).isEmpty();
        JsonNode failed = plan(planId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("3 attempt(s)", "dead-letter queue");
    }

    // --- 7: a duplicate delivery

    @Test
    void aSecondDeliveryWhileTheFirstSolvesLeavesThePlanToItAndALateOneChangesNothing() throws IOException {
        String planId = submit(tiny("fault-lease", "6402"));
        // Delivery 1 claimed the plan and is solving it: the record as its claim leaves it.
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now())
                .withAttempt(1, Instant.now()));
        long claimed = plan(planId).get("version").asLong();

        JsonNode second = lambda.solve(Lambda.sqs(planId, 1));
        assertThat(second.get("batchItemFailures")).hasSize(1);
        JsonNode untouched = plan(planId);
        assertThat(untouched.get("status").asString()).isEqualTo("SOLVING");
        assertThat(untouched.get("version").asLong()).isEqualTo(claimed);

        // Delivery 1 died (a timeout): with no write for the budget and the grace, its lease ran out.
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now().minus(Duration.ofMinutes(10))));
        assertThat(lambda.solve(Lambda.sqs(planId, 2)).get("batchItemFailures")).isEmpty();
        JsonNode solved = plan(planId);
        assertThat(solved.get("status").asString()).isEqualTo("SOLVED");
        assertThat(solved.get("attempts").asInt()).isEqualTo(2);

        Answer approved = call("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", solved.get("version").asLong()));
        assertThat(approved.status()).isEqualTo(200);
        byte[] document = Files.readAllBytes(data.resolve("documents/" + planId + ".json"));
        assertThat(lambda.solve(Lambda.sqs(planId, 3)).get("batchItemFailures")).isEmpty();
        JsonNode after = plan(planId);
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");
        assertThat(after.get("version").asLong()).isEqualTo(approved.body().get("version").asLong());
        assertThat(Files.readAllBytes(data.resolve("documents/" + planId + ".json"))).isEqualTo(document);
    }

    @Test
    void aSolveWhosePlanAnotherAttemptTookMeanwhileDropsItsResult() throws Exception {
        ObjectNode sample = Samples.read("balikpapan.json");
        sample.put("snapshotId", "fault-retaken");
        sample.put("tenant", "6405");
        Answer submitted = call("POST", "/plans", Map.of("snapshot", sample, "budgetSeconds", 6));
        assertThat(submitted.status()).isEqualTo(202);
        String planId = submitted.body().get("planId").asString();

        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> lambda.solve(Lambda.sqs(planId, 1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (files().plans().get(planId).map(PlanRecord::status).orElseThrow() != PlanStatus.SOLVING) {
            assertThat(System.nanoTime()).as("the plan turns SOLVING").isLessThan(deadline);
            Thread.sleep(50);
        }
        // Meanwhile its lease was taken for run out and another delivery claimed the plan: attempt 2.
        files().plans().update(planId, plan -> plan.withAttempt(plan.attempts() + 1, Instant.now()));
        assertThat(first.get().get("batchItemFailures")).isEmpty();

        PlanRecord after = files().plans().get(planId).orElseThrow();
        assertThat(after.status()).isEqualTo(PlanStatus.SOLVING);
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(after.summary()).isNull();
        assertThat(data.resolve("documents/" + planId + ".json")).doesNotExist();
    }

    // --- 8: a crash during an arrival

    @Test
    void anArrivalKilledWhileHoldingItsClaimIsHandledByTheNextDelivery() throws Exception {
        byte[] content = Json.MAPPER.writeValueAsBytes(tiny("fault-killed", "6406"));
        Files.write(data.resolve("snapshots/fault-killed.json"), content);
        String version = LocalSnapshotStore.versionOf(content);
        ObjectNode event = Lambda.objectCreated(BUCKET, "snapshots/fault-killed.json", version);
        try (ChildJvm child = new ChildJvm(data.resolve("child.log"), HoldClaim.class, data.toString(),
                BUCKET + "/snapshots/fault-killed.json/" + version)) {
            child.awaitOutput("claimed", Duration.ofSeconds(60));
            // While the other process lives, the event is its own: this delivery fails, to be retried.
            assertThatThrownBy(() -> lambda.snapshotChanged(event)).hasStackTraceContaining("being handled elsewhere");
            child.kill();
        }
        JsonNode arrival = lambda.snapshotChanged(event);
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        assertThat(call("GET", "/snapshots/fault-killed", null).status()).isEqualTo(200);
        assertThat(lambda.snapshotChanged(event).get("outcome").asString()).isEqualTo("DUPLICATE");
    }

    // --- 9: snapshots of one date

    @Test
    void ofSnapshotsWithTheSameAsOfTheLaterArrivalIsCurrentWhateverOrderTheirEventsCome() {
        String first = submit(tiny("fault-same-a", "6407"));
        String second = submit(tiny("fault-same-b", "6407"));
        JsonNode eventA = arrived("fault-same-a");
        JsonNode eventB = arrived("fault-same-b");
        assertThat(List.of(plan(first).get("status").asString(), plan(second).get("status").asString()))
                .containsExactly("STALE", "QUEUED");
        assertThat(eventA.get("outcome").asString()).isEqualTo("OLDER_SNAPSHOT");
        assertThat(eventB.get("outcome").asString()).isEqualTo("PLAN_ALREADY_QUEUED");

        String third = submit(tiny("fault-same-c", "6417"));
        String fourth = submit(tiny("fault-same-d", "6417"));
        arrived("fault-same-d");
        arrived("fault-same-c");
        assertThat(List.of(plan(third).get("status").asString(), plan(fourth).get("status").asString()))
                .containsExactly("STALE", "QUEUED");
    }

    // --- 10: a re-dropped file

    @Test
    void reDroppingAnEarlierVersionOfAFileBringsTheCatalogueBackToIt() throws IOException {
        byte[] a = Json.MAPPER.writeValueAsBytes(tiny("fault-redrop", "6408"));
        ObjectNode changed = tiny("fault-redrop", "6408");
        changed.put("asOf", "2026-10-25");
        byte[] b = Json.MAPPER.writeValueAsBytes(changed);
        for (byte[] content : List.of(a, b, a)) {
            Files.write(data.resolve("snapshots/fault-redrop.json"), content);
            JsonNode arrival = lambda.snapshotChanged(Lambda.objectCreated(BUCKET, "snapshots/fault-redrop.json",
                    LocalSnapshotStore.versionOf(content)));
            assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        }
        JsonNode entry = call("GET", "/snapshots/fault-redrop", null).body();
        assertThat(entry.get("versionId").asString()).isEqualTo(LocalSnapshotStore.versionOf(a));
        assertThat(entry.get("asOf").asString()).isEqualTo("2026-10-21");
        assertThat(call("GET", "/snapshots/fault-redrop/facilities", null).status()).isEqualTo(200);
    }

    // --- 11: a full disk

    @Test
    void aFullDiskAnswers507LeavesNoTemporariesAndKeepsWhatWasStored() throws IOException {
        Assumptions.assumeTrue(tmpfs, "tmpfs cannot be mounted here (needs root)");
        String kept = submit(tiny("fault-full-1", "6409"));
        Path filler = data.resolve("filler");
        try {
            Tmpfs.fill(filler);
            Answer full = call("POST", "/snapshots", tiny("fault-full-2", "6409"));
            assertThat(full.status()).isEqualTo(507);
            assertThat(full.body().get("error").asString()).isEqualTo("STORAGE_FULL");
            assertThat(full.body().get("message").asString()).contains("penyimpanan penuh", "storage full");
            try (Stream<Path> temporaries = Files.list(data.resolve("tmp"))) {
                assertThat(temporaries).isEmpty();
            }
            assertThat(plan(kept).get("status").asString()).isEqualTo("QUEUED");
        } finally {
            Files.deleteIfExists(filler);
        }
        assertThat(call("POST", "/snapshots", tiny("fault-full-2", "6409")).status()).isEqualTo(201);
    }

    // --- 12: a repeated request

    @Test
    void postPlansWithAnIdempotencyKeyAnswersTheSamePlanForTheSameBodyAndRefusesAnother() {
        Map<String, Object> body = Map.of("snapshot", tiny("fault-key", "6410"), "budgetSeconds", 1);
        Answer first = call("POST", "/plans", body, "idempotency-key", "order-2026-10-21");
        assertThat(first.status()).isEqualTo(202);
        String planId = first.body().get("planId").asString();
        Answer again = call("POST", "/plans", body, "idempotency-key", "order-2026-10-21");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("planId").asString()).isEqualTo(planId);
        assertThat(call("GET", "/plans?snapshotId=fault-key", null).body().get("items")).hasSize(1);

        Answer other = call("POST", "/plans", Map.of("snapshot", tiny("fault-key", "6410"), "budgetSeconds", 2),
                "idempotency-key", "order-2026-10-21");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("details").get(0).get("path").asString()).isEqualTo("headers.Idempotency-Key");

        Answer fresh = call("POST", "/plans", body, "idempotency-key", "order-2026-10-22");
        assertThat(fresh.status()).isEqualTo(202);
        assertThat(fresh.body().get("planId").asString()).isNotEqualTo(planId);
        assertThat(call("POST", "/plans", body, "idempotency-key", "bad key").status()).isEqualTo(400);
    }
}
