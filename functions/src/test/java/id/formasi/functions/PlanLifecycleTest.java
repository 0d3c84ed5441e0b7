package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.infra.local.LocalBackend;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan's life after its solve, through {@code api} and {@code solve} as Lambda invokes them: one approved
 * plan per tenant, stale plans refused, a solve stopped from the API, plans deleted.
 */
class PlanLifecycleTest {

    private static Lambda lambda;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory("formasi-lifecycle-test");
        lambda = new Lambda(data, Map.of("formasi.solve.budget", "1s"));
    }

    @AfterAll
    static void clear() {
        lambda.clearSettings();
    }

    record Answer(int status, JsonNode body) {
    }

    /** Each test acts as its own tenant (X-Formasi-Tenant), so their plans supersede and go stale apart. */
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private static Answer call(String method, String path, Object body) {
        String text = body == null ? null : Json.MAPPER.writeValueAsString(body);
        ObjectNode event = Lambda.http(method, path, text);
        ((ObjectNode) event.get("headers")).put("x-formasi-tenant", TENANT.get());
        JsonNode response = lambda.api(event);
        String answer = response.get("body").asString();
        return new Answer(response.get("statusCode").asInt(), answer.isEmpty() ? null : Json.MAPPER.readTree(answer));
    }

    /** The tiny sample as the tenant's, the one the calls that follow act as. */
    private static ObjectNode tiny(String snapshotId, String tenant) {
        TENANT.set(tenant);
        return Samples.tiny(snapshotId).put("tenant", tenant);
    }

    /**
     * The tiny sample with three spare teachers at a new school, 16 more schools with room within 2 km and one
     * school short of a teacher 111 km south: each class's first flow round holds only its 16 cheapest posts,
     * so only pricing, in a later round, reaches the far school.
     */
    private static ObjectNode farShortSchool(String snapshotId, String tenant) {
        ObjectNode snapshot = tiny(snapshotId, tenant);
        ArrayNode facilities = (ArrayNode) snapshot.get("facilities");
        ObjectNode first = (ObjectNode) facilities.get(0);
        double lat = first.get("location").get("lat").asDouble();
        for (int i = 0; i <= 17; i++) {
            ObjectNode school = facilities.addObject().put("id", "304499" + (10 + i)).put("name", "SD Uji " + i)
                    .put("kind", "SD").put("district", first.get("district").asString()).put("status", "OPEN");
            school.putObject("location").put("lat", i == 17 ? lat - 1.0 : lat - 0.001 * i)
                    .put("lon", first.get("location").get("lon").asDouble());
            school.putArray("formations").addObject().put("job", "GURU_KELAS_SD").put("cap", i == 0 ? 3 : 1)
                    .put("minimum", i == 17 ? 1 : 0).put("priority", 5);
        }
        ArrayNode staff = (ArrayNode) snapshot.get("staff");
        for (int i = 1; i <= 3; i++) {
            ObjectNode spare = (ObjectNode) staff.get(0).deepCopy();
            spare.put("id", "196807111994101" + (900 + i)).put("name", "Guru Cadangan " + i).put("facility", "30449910")
                    .put("birthDate", "1968-07-11").put("postedSince", "1994-10-01").put("firstPostingSince", "1994-10-01");
            staff.add(spare);
        }
        return snapshot;
    }

    private static JsonNode plan(String planId) {
        return call("GET", "/plans/" + planId, null).body();
    }

    private static String submit(Object body) {
        Answer submitted = call("POST", "/plans", body);
        assertThat(submitted.status()).isEqualTo(202);
        return submitted.body().get("planId").asString();
    }

    private static String solved(Object body) {
        String planId = submit(body);
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();
        assertThat(plan(planId).get("status").asString()).isEqualTo("SOLVED");
        return planId;
    }

    private static Answer approve(String planId, String comment) {
        return call("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", plan(planId).get("version").asLong(), "comment", comment));
    }

    @Test
    void approvingSupersedesTheTenantsEarlierApprovedPlan() {
        String first = solved(tiny("lc-approve", "9901"));
        String second = solved(Map.of("snapshotId", "lc-approve"));
        assertThat(approve(first, "rencana awal").status()).isEqualTo(200);
        assertThat(approve(second, "rencana pengganti").status()).isEqualTo(200);

        JsonNode old = plan(first);
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("replacedBy").get("planId").asString()).isEqualTo(second);
        JsonNode last = old.get("audit").get(old.get("audit").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("SUPERSEDE");
        assertThat(last.get("details").asString()).contains(second);
        assertThat(plan(second).get("status").asString()).isEqualTo("APPROVED");
        assertThat(plan(second).get("audit").get(0).get("comment").asString()).isEqualTo("rencana pengganti");
        assertThat(call("GET", "/plans?status=APPROVED", null).body().get("items"))
                .extracting(item -> item.get("planId").asString()).contains(second).doesNotContain(first);
        // A superseded plan is the record of an earlier decision: it stays, and is not decided again.
        assertThat(call("DELETE", "/plans/" + first, null).status()).isEqualTo(409);
        assertThat(approve(first, "lagi").status()).isEqualTo(409);
    }

    @Test
    void aStalePlanNamesTheSnapshotThatReplacedItAndRefusesPinsAndDecisions() {
        ObjectNode snapshot = tiny("lc-stale", "9902");
        String planId = solved(snapshot);
        JsonNode facility = snapshot.get("facilities").get(0);
        JsonNode formation = facility.get("formations").get(0);
        ArrayNode changes = Json.MAPPER.createArrayNode();
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", facility.get("id").asString())
                .put("job", formation.get("job").asString()).put("cap", formation.get("cap").asInt() + 1);
        Answer changed = call("POST", "/snapshots/lc-stale/changes",
                Json.MAPPER.createObjectNode().put("asOf", "2026-11-01").set("changes", changes));
        assertThat(changed.status()).isEqualTo(201);
        String newId = changed.body().get("snapshotId").asString();
        String newVersion = changed.body().get("versionId").asString();
        lambda.snapshotChanged(Lambda.objectCreated("formasi-snapshots", "snapshots/" + newId + ".json", newVersion));

        JsonNode stale = plan(planId);
        assertThat(stale.get("status").asString()).isEqualTo("STALE");
        assertThat(stale.get("replacedBy").get("snapshotId").asString()).isEqualTo(newId);
        assertThat(stale.get("replacedBy").get("snapshotVersion").asString()).isEqualTo(newVersion);
        long version = stale.get("version").asLong();

        Answer pins = call("PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of(), "version", version));
        assertThat(pins.status()).isEqualTo(409);
        assertThat(pins.body().get("messageEn").asString()).contains("STALE", newId);
        assertThat(pins.body().get("message").asString()).contains("usang", newId);
        Answer decision = call("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", version));
        assertThat(decision.status()).isEqualTo(409);
        assertThat(decision.body().get("messageEn").asString()).contains("STALE", newId);
        assertThat(plan(planId).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void cancellingAQueuedPlanStopsItBeforeItsSolve() {
        String planId = submit(Map.of("snapshot", tiny("lc-queued", "9903")));
        Answer cancelled = call("POST", "/plans/" + planId + "/cancel", Map.of("comment", "salah snapshot"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().get("audit").get(0).get("comment").asString()).isEqualTo("salah snapshot");
        // Its job, delivered afterwards, finds nothing to solve.
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();
        assertThat(plan(planId).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(call("POST", "/plans/" + planId + "/cancel", null).status()).isEqualTo(200);
        assertThat(plan(planId).get("audit").size()).isEqualTo(1);
    }

    @Test
    void cancellingASolveKeepsItsBestPlanMarkedAsStoppedEarly() {
        // Solved to its end, the far school gets a teacher: the flow needed a second round for it.
        String whole = solved(Map.of("snapshot", farShortSchool("lc-solving", "9904")));
        assertThat(plan(whole).get("summary").get("stoppedEarly").asBoolean()).isFalse();
        assertThat(farSchoolFilled(whole)).isTrue();

        // A solve whose first delivery died (its lease ran out) after somebody asked to stop it: the next
        // delivery reads the request from the record after the flow's first round, and keeps that round's plan.
        String planId = submit(Map.of("snapshotId", "lc-solving"));
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now())
                .withAttempt(1, Instant.now()));
        Answer stopping = call("POST", "/plans/" + planId + "/cancel", Map.of("comment", "terlalu lama"));
        assertThat(stopping.status()).isEqualTo(200);
        assertThat(stopping.body().get("status").asString()).isEqualTo("SOLVING");
        assertThat(stopping.body().get("stopRequested").asBoolean()).isTrue();
        files().plans().update(planId, plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now().minus(Duration.ofMinutes(10))));
        assertThat(lambda.solve(Lambda.sqs(planId, 2)).get("batchItemFailures")).isEmpty();

        JsonNode stopped = plan(planId);
        assertThat(stopped.get("status").asString()).isEqualTo("SOLVED");
        assertThat(stopped.get("summary").get("stoppedEarly").asBoolean()).isTrue();
        assertThat(stopped.get("summary").get("terminationReason").asString()).isEqualTo("stopped early on request");
        assertThat(farSchoolFilled(planId)).isFalse();
        // Its certificate is still the exact optimum, so the plan says how far the stop left it.
        JsonNode certificate = call("GET", "/plans/" + planId + "/explanation", null).body().get("optimum");
        JsonNode optimum = call("GET", "/plans/" + whole + "/explanation", null).body().get("optimum");
        assertThat(certificate.get("shortage")).isEqualTo(optimum.get("shortage"));
        assertThat(certificate.get("shortageGap").asLong()).isPositive();
        assertThat(certificate.get("optimal").asBoolean()).isFalse();
        JsonNode audit = stopped.get("audit");
        assertThat(audit.get(audit.size() - 1).get("action").asString()).isEqualTo("CANCEL");
        assertThat(audit.get(audit.size() - 1).get("comment").asString()).isEqualTo("terlalu lama");
        assertThat(call("POST", "/plans/" + planId + "/cancel", null).status()).isEqualTo(409);
    }

    private static boolean farSchoolFilled(String planId) {
        return call("GET", "/plans/" + planId + "/formations?limit=1000", null).body().get("items").valueStream()
                .anyMatch(formation -> formation.get("facilityId").asString().equals("30449927")
                        && formation.get("after").asInt() > 0);
    }

    /** The data folder's records, as a second reader of the same files. */
    private static LocalBackend files() {
        return LocalBackend.open(lambda.dataDir, "formasi-snapshots");
    }

    @Test
    void aPlanNotApprovedCanBeDeletedAtTheVersionSeen() {
        String planId = solved(tiny("lc-delete", "9905"));
        long version = plan(planId).get("version").asLong();
        // Another tenant's plan is not found: neither deleted nor stopped.
        TENANT.set("9906");
        assertThat(call("DELETE", "/plans/" + planId, null).status()).isEqualTo(404);
        assertThat(call("POST", "/plans/" + planId + "/cancel", null).status()).isEqualTo(404);
        TENANT.set("9905");
        assertThat(call("DELETE", "/plans/" + planId + "?version=" + (version - 1), null).status()).isEqualTo(409);
        assertThat(call("DELETE", "/plans/" + planId + "?version=x", null).status()).isEqualTo(400);
        Answer deleted = call("DELETE", "/plans/" + planId + "?version=" + version, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(call("GET", "/plans/" + planId, null).status()).isEqualTo(404);
        assertThat(call("GET", "/plans/" + planId + "/moves", null).status()).isEqualTo(404);

        String pending = submit(Map.of("snapshotId", "lc-delete"));
        assertThat(call("DELETE", "/plans/" + pending, null).status()).isEqualTo(409);
        String approved = solved(Map.of("snapshotId", "lc-delete"));
        assertThat(approve(approved, "ok").status()).isEqualTo(200);
        assertThat(call("DELETE", "/plans/" + approved, null).status()).isEqualTo(409);
    }
}
