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

    /** Requests as one tenant (X-Formasi-Tenant): each test is its own tenant's. */
    private record Caller(String tenant) {

        Answer call(String method, String path, Object body, String... headers) {
            String text = body == null ? null : Json.MAPPER.writeValueAsString(body);
            ObjectNode event = Lambda.http(method, path, text);
            ((ObjectNode) event.get("headers")).put("x-formasi-tenant", tenant);
            for (int i = 0; i < headers.length; i += 2) {
                ((ObjectNode) event.get("headers")).put(headers[i], headers[i + 1]);
            }
            JsonNode response = lambda.api(event);
            return new Answer(response.get("statusCode").asInt(), Json.MAPPER.readTree(response.get("body").asString()));
        }

        /** The tiny sample under another id, of this tenant. */
        ObjectNode tiny(String snapshotId) {
            ObjectNode snapshot = Samples.tiny(snapshotId);
            snapshot.put("tenant", tenant);
            return snapshot;
        }

        String submit(ObjectNode snapshot) {
            Answer submitted = call("POST", "/plans", Map.of("snapshot", snapshot, "budgetSeconds", 1));
            assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
            return submitted.body().get("planId").asString();
        }

        /** POST /plans with an Idempotency-Key: it must be accepted; returns the plan id it answers. */
        String submitKeyed(Object body, String key) {
            Answer answer = call("POST", "/plans", body, "idempotency-key", key);
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(202);
            return answer.body().get("planId").asString();
        }

        JsonNode plan(String planId) {
            Answer plan = call("GET", "/plans/" + planId, null);
            assertThat(plan.status()).as("%s", plan.body()).isEqualTo(200);
            return plan.body();
        }

        JsonNode arrived(String snapshotId) {
            String version = call("GET", "/snapshots/" + snapshotId, null).body().get("versionId").asString();
            return lambda.snapshotChanged(Lambda.objectCreated(BUCKET, "snapshots/" + snapshotId + ".json", version));
        }
    }

    /** The data folder's records, as a second reader of the same files. */
    private static LocalBackend files() {
        return LocalBackend.open(data, BUCKET);
    }

    // --- 5: a damaged stored file

    @Test
    void aDamagedPlanFileIsSetAsideTheOthersStillListAndTheApiSaysWhatHappenedToIt() throws IOException {
        Caller t = new Caller("6401");
        String planId = t.submit(t.tiny("fault-damaged"));
        Files.writeString(data.resolve("plans/plan-00000000000bad1.json"), "{\"planId\":\"plan-00000000000bad1\",\"ten");
        Files.writeString(data.resolve("plans/plan-00000000000bad2.json"), "\u0000garbage");

        Answer list = t.call("GET", "/plans?limit=1000", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).extracting(item -> item.get("planId").asString()).contains(planId)
                .doesNotContain("plan-00000000000bad1", "plan-00000000000bad2");
        Answer damaged = t.call("GET", "/plans/plan-00000000000bad1", null);
        assertThat(damaged.status()).isEqualTo(410);
        assertThat(damaged.body().get("messageEn").asString()).contains("damaged", "set aside");
        assertThat(damaged.body().get("message").asString()).contains("rusak", "disisihkan");
        assertThat(t.call("GET", "/plans/plan-00000000000bad9", null).status()).isEqualTo(404);
        assertThat(data.resolve("quarantine/plans/plan-00000000000bad1.json")).exists();
        assertThat(data.resolve("quarantine/plans/plan-00000000000bad2.json")).exists();
    }

    // --- 6: every job ends

    @Test
    void aCorruptWarmStartDocumentStillLetsTheRecomputeEnd() throws IOException {
        Caller t = new Caller("6404");
        String approved = t.submit(t.tiny("fault-warm-1"));
        assertThat(lambda.solve(Lambda.sqs(approved, 1)).get("batchItemFailures")).isEmpty();
        long version = t.plan(approved).get("version").asLong();
        assertThat(t.call("POST", "/plans/" + approved + "/decision", Map.of("decision", "approve", "version", version))
                .status()).isEqualTo(200);
        Files.writeString(data.resolve("documents/" + approved + ".json"), "{\"planId\": \"" + approved + "\", \"placements\": [");

        ObjectNode next = t.tiny("fault-warm-2");
        next.put("asOf", "2026-10-22");
        assertThat(t.call("POST", "/snapshots", next).status()).isEqualTo(201);
        JsonNode arrival = t.arrived("fault-warm-2");
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        String recompute = arrival.get("planId").asString();
        assertThat(t.plan(recompute).get("warmStartFrom").asString()).isEqualTo(approved);

        assertThat(lambda.solve(Lambda.sqs(recompute, 1)).get("batchItemFailures")).isEmpty();
        assertThat(t.plan(recompute).get("status").asString()).isEqualTo("SOLVED");
        assertThat(t.call("GET", "/plans/" + approved + "/placements", null).status()).isEqualTo(410);
    }

    @Test
    void aJobInTheDeadLetterQueueFailsItsPlanWithTheReason() {
        Caller t = new Caller("6403");
        String planId = t.submit(t.tiny("fault-dead"));
        // Three attempts died (timeouts): the record as the last of them left it.
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now().minus(Duration.ofHours(1)))
                .withAttempt(3, Instant.now().minus(Duration.ofHours(1))));
        ObjectNode dead = Lambda.sqs(planId, 1);
        ((ObjectNode) dead.get("Records").get(0)).put("eventSourceARN",
                "arn:aws:sqs:ap-southeast-3:123456789012:formasi-SolveDeadLetterQueue");
        assertThat(lambda.solveFailed(dead).get("batchItemFailures")).isEmpty();
        JsonNode failed = t.plan(planId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("3 attempt(s)", "dead-letter queue");
    }

    // --- 7: a duplicate delivery

    @Test
    void aSecondDeliveryWhileTheFirstSolvesLeavesThePlanToItAndALateOneChangesNothing() throws IOException {
        Caller t = new Caller("6402");
        String planId = t.submit(t.tiny("fault-lease"));
        // Delivery 1 claimed the plan and is solving it: the record as its claim leaves it.
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now())
                .withAttempt(1, Instant.now()));
        long claimed = t.plan(planId).get("version").asLong();

        JsonNode second = lambda.solve(Lambda.sqs(planId, 1));
        assertThat(second.get("batchItemFailures")).hasSize(1);
        JsonNode untouched = t.plan(planId);
        assertThat(untouched.get("status").asString()).isEqualTo("SOLVING");
        assertThat(untouched.get("version").asLong()).isEqualTo(claimed);

        // Delivery 1 died (a timeout): with no write for the budget and the grace, its lease ran out.
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now().minus(Duration.ofMinutes(10))));
        assertThat(lambda.solve(Lambda.sqs(planId, 2)).get("batchItemFailures")).isEmpty();
        JsonNode solved = t.plan(planId);
        assertThat(solved.get("status").asString()).isEqualTo("SOLVED");
        assertThat(solved.get("attempts").asInt()).isEqualTo(2);

        Answer approved = t.call("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", solved.get("version").asLong()));
        assertThat(approved.status()).isEqualTo(200);
        byte[] document = Files.readAllBytes(data.resolve("documents/" + planId + ".json"));
        assertThat(lambda.solve(Lambda.sqs(planId, 3)).get("batchItemFailures")).isEmpty();
        JsonNode after = t.plan(planId);
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");
        assertThat(after.get("version").asLong()).isEqualTo(approved.body().get("version").asLong());
        assertThat(Files.readAllBytes(data.resolve("documents/" + planId + ".json"))).isEqualTo(document);
    }

    @Test
    void aSolveWhosePlanAnotherAttemptTookMeanwhileDropsItsResult() throws Exception {
        Caller t = new Caller("6405");
        ObjectNode sample = Samples.read("balikpapan.json");
        sample.put("snapshotId", "fault-retaken");
        sample.put("tenant", "6405");
        Answer submitted = t.call("POST", "/plans", Map.of("snapshot", sample, "budgetSeconds", 6));
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
        Caller t = new Caller("6406");
        byte[] content = Json.MAPPER.writeValueAsBytes(t.tiny("fault-killed"));
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
        assertThat(t.call("GET", "/snapshots/fault-killed", null).status()).isEqualTo(200);
        assertThat(lambda.snapshotChanged(event).get("outcome").asString()).isEqualTo("DUPLICATE");
    }

    // --- 9: snapshots of one date

    @Test
    void ofSnapshotsWithTheSameAsOfTheLaterArrivalIsCurrentWhateverOrderTheirEventsCome() {
        Caller t = new Caller("6407");
        String first = t.submit(t.tiny("fault-same-a"));
        String second = t.submit(t.tiny("fault-same-b"));
        JsonNode eventA = t.arrived("fault-same-a");
        JsonNode eventB = t.arrived("fault-same-b");
        assertThat(List.of(t.plan(first).get("status").asString(), t.plan(second).get("status").asString()))
                .containsExactly("STALE", "QUEUED");
        assertThat(eventA.get("outcome").asString()).isEqualTo("OLDER_SNAPSHOT");
        assertThat(eventB.get("outcome").asString()).isEqualTo("PLAN_ALREADY_QUEUED");

        Caller u = new Caller("6417");
        String third = u.submit(u.tiny("fault-same-c"));
        String fourth = u.submit(u.tiny("fault-same-d"));
        u.arrived("fault-same-d");
        u.arrived("fault-same-c");
        assertThat(List.of(u.plan(third).get("status").asString(), u.plan(fourth).get("status").asString()))
                .containsExactly("STALE", "QUEUED");
    }

    // --- 10: a re-dropped file

    @Test
    void reDroppingAnEarlierVersionOfAFileBringsTheCatalogueBackToIt() throws IOException {
        Caller t = new Caller("6408");
        byte[] a = Json.MAPPER.writeValueAsBytes(t.tiny("fault-redrop"));
        ObjectNode changed = t.tiny("fault-redrop");
        changed.put("asOf", "2026-10-25");
        byte[] b = Json.MAPPER.writeValueAsBytes(changed);
        for (byte[] content : List.of(a, b, a)) {
            Files.write(data.resolve("snapshots/fault-redrop.json"), content);
            JsonNode arrival = lambda.snapshotChanged(Lambda.objectCreated(BUCKET, "snapshots/fault-redrop.json",
                    LocalSnapshotStore.versionOf(content)));
            assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        }
        JsonNode entry = t.call("GET", "/snapshots/fault-redrop", null).body();
        assertThat(entry.get("versionId").asString()).isEqualTo(LocalSnapshotStore.versionOf(a));
        assertThat(entry.get("asOf").asString()).isEqualTo("2026-10-21");
        assertThat(t.call("GET", "/snapshots/fault-redrop/facilities", null).status()).isEqualTo(200);
    }

    // --- 11: a full disk

    @Test
    void aFullDiskAnswers507LeavesNoTemporariesAndKeepsWhatWasStored() throws IOException {
        Caller t = new Caller("6409");
        Assumptions.assumeTrue(tmpfs, "tmpfs cannot be mounted here (needs root)");
        String kept = t.submit(t.tiny("fault-full-1"));
        Path filler = data.resolve("filler");
        try {
            Tmpfs.fill(filler);
            Answer full = t.call("POST", "/snapshots", t.tiny("fault-full-2"));
            assertThat(full.status()).isEqualTo(507);
            assertThat(full.body().get("error").asString()).isEqualTo("STORAGE_FULL");
            assertThat(full.body().get("message").asString()).contains("penyimpanan penuh").doesNotContain("storage");
            assertThat(full.body().get("messageEn").asString()).contains("storage full");
            try (Stream<Path> temporaries = Files.list(data.resolve("tmp"))) {
                assertThat(temporaries).isEmpty();
            }
            assertThat(t.plan(kept).get("status").asString()).isEqualTo("QUEUED");
        } finally {
            Files.deleteIfExists(filler);
        }
        assertThat(t.call("POST", "/snapshots", t.tiny("fault-full-2")).status()).isEqualTo(201);
    }

    // --- 12: a repeated request

    @Test
    void postPlansWithAnIdempotencyKeyAnswersTheSamePlanForTheSameBodyAndRefusesAnother() {
        Caller t = new Caller("6410");
        Map<String, Object> body = Map.of("snapshot", t.tiny("fault-key"), "budgetSeconds", 1);
        String planId = t.submitKeyed(body, "order-2026-10-21");
        assertThat(t.submitKeyed(body, "order-2026-10-21")).isEqualTo(planId);
        assertThat(t.call("GET", "/plans?snapshotId=fault-key", null).body().get("items")).hasSize(1);

        Answer other = t.call("POST", "/plans", Map.of("snapshot", t.tiny("fault-key"), "budgetSeconds", 2),
                "idempotency-key", "order-2026-10-21");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("details").get(0).get("path").asString()).isEqualTo("headers.Idempotency-Key");

        assertThat(t.submitKeyed(body, "order-2026-10-22")).isNotEqualTo(planId);
        assertThat(t.call("POST", "/plans", body, "idempotency-key", "bad key").status()).isEqualTo(400);
    }

    @Test
    void theSameIdempotencyKeyAfterItsPlanWasDeletedMakesANewPlan() {
        Caller t = new Caller("6413");
        Map<String, Object> body = Map.of("snapshot", t.tiny("fault-key-deleted"), "budgetSeconds", 1);
        String planId = t.submitKeyed(body, "order-deleted");
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();
        Answer deleted = t.call("DELETE", "/plans/" + planId, null);
        assertThat(deleted.status()).as("%s", deleted.body()).isEqualTo(200);

        String newPlan = t.submitKeyed(body, "order-deleted");
        assertThat(newPlan).isNotEqualTo(planId);
        assertThat(t.plan(newPlan).get("status").asString()).isEqualTo("QUEUED");
        // and the key now answers the new plan
        assertThat(t.submitKeyed(body, "order-deleted")).isEqualTo(newPlan);
    }

    @Test
    void anIdempotencyKeyIsTheTenantsOwnAndNeverAnswersAnotherTenantsPlan() {
        Caller t = new Caller("6411");
        Caller u = new Caller("6412");
        String key = "shared-order-1";
        Map<String, Object> bodyOfT = Map.of("snapshot", t.tiny("fault-shared-key-t"), "budgetSeconds", 1);
        String planOfT = t.submitKeyed(bodyOfT, key);

        // The other tenant's very same request with the same key: its own snapshot is refused, not the first plan.
        Answer copied = u.call("POST", "/plans", bodyOfT, "idempotency-key", key);
        assertThat(copied.status()).as("%s", copied.body()).isEqualTo(403);
        assertThat(copied.body().toString()).doesNotContain(planOfT);

        // With a snapshot of its own, the same key makes the other tenant its own plan.
        Map<String, Object> bodyOfU = Map.of("snapshot", u.tiny("fault-shared-key-u"), "budgetSeconds", 1);
        String planOfU = u.submitKeyed(bodyOfU, key);
        assertThat(planOfU).isNotEqualTo(planOfT);
        assertThat(u.plan(planOfU).get("tenant").asString()).isEqualTo("6412");

        // Within each tenant, the repeat still answers that tenant's first plan.
        assertThat(t.submitKeyed(bodyOfT, key)).isEqualTo(planOfT);
        assertThat(u.submitKeyed(bodyOfU, key)).isEqualTo(planOfU);
        assertThat(u.call("GET", "/plans/" + planOfT, null).status()).isEqualTo(404);
        assertThat(t.call("GET", "/plans?snapshotId=fault-shared-key-t", null).body().get("items"))
                .extracting(item -> item.get("planId").asString()).containsExactly(planOfT);
        assertThat(u.call("GET", "/plans?snapshotId=fault-shared-key-u", null).body().get("items"))
                .extracting(item -> item.get("planId").asString()).containsExactly(planOfU);
    }
}
