package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every route of {@code api}, and {@code solve} and {@code snapshotChanged}, invoked as Lambda invokes them:
 * through the handler template.yaml names, with the JSON of real AWS events.
 */
class FunctionsTest {

    private static Path data;
    private static Lambda lambda;

    @BeforeAll
    static void start() {
        lambda = Lambda.quick("formasi-functions-test");
        data = lambda.dataDir;
    }

    @AfterAll
    static void clear() {
        lambda.clearSettings();
    }

    record Answer(int status, JsonNode body, JsonNode headers) {
    }

    private static Answer call(String method, String path, Object body) {
        String text = body == null ? null : body instanceof String string ? string : Json.MAPPER.writeValueAsString(body);
        ObjectNode event = Lambda.http(method, path, text);
        // The tiny sample's tenant, as the local runtime takes it.
        ((ObjectNode) event.get("headers")).put("x-formasi-tenant", "9901");
        return answer(lambda.api(event));
    }

    /** A review decision on the plan: {@code POST /plans/{id}/decision}. */
    private static Answer decide(String planId, Map<String, Object> decision) {
        return call("POST", "/plans/" + planId + "/decision", decision);
    }

    private static Answer answer(JsonNode response) {
        return new Answer(response.get("statusCode").asInt(), Json.MAPPER.readTree(response.get("body").asString()),
                response.get("headers"));
    }

    private static String submitAndSolve(String snapshotId) {
        Answer submitted = call("POST", "/plans", Samples.tiny(snapshotId));
        assertThat(submitted.status()).isEqualTo(202);
        String planId = submitted.body().get("planId").asString();
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();
        assertThat(call("GET", "/plans/" + planId, null).body().get("status").asString()).isEqualTo("SOLVED");
        return planId;
    }


    @Test
    void postPlansQueuesAndSolveSolvesOnceWithProgressAndScore() {
        Answer submitted = call("POST", "/plans", Map.of("snapshot", Samples.tiny("fn-post-1"), "budgetSeconds", 1));
        assertThat(submitted.status()).isEqualTo(202);
        String planId = submitted.body().get("planId").asString();
        assertThat(submitted.body().get("status").asString()).isEqualTo("QUEUED");
        assertThat(submitted.body().get("url").asString()).isEqualTo(
                "https://abc123.execute-api.ap-southeast-3.amazonaws.com/plans/" + planId);
        assertThat(submitted.headers().get("Location").asString()).endsWith("/plans/" + planId);

        JsonNode batch = lambda.solve(Lambda.sqs(planId, 1));
        assertThat(batch.get("batchItemFailures")).isEmpty();
        Answer plan = call("GET", "/plans/" + planId, null);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body().get("status").asString()).isEqualTo("SOLVED");
        assertThat(plan.body().get("score").get("hard").asLong()).isZero();
        assertThat(plan.body().get("progress").get("elapsedMillis").asLong()).isPositive();
        assertThat(plan.body().get("summary").get("placements").asInt()).isPositive();
        long version = plan.body().get("version").asLong();

        // Redelivery of the same job is harmless: nothing changes.
        assertThat(lambda.solve(Lambda.sqs(planId, 2)).get("batchItemFailures")).isEmpty();
        assertThat(call("GET", "/plans/" + planId, null).body().get("version").asLong()).isEqualTo(version);

        // By reference to the stored snapshot, too.
        Answer byId = call("POST", "/plans", Map.of("snapshotId", "fn-post-1"));
        assertThat(byId.status()).isEqualTo(202);
        Answer list = call("GET", "/plans?snapshotId=fn-post-1&status=QUEUED", null);
        assertThat(list.body().get("items")).extracting(item -> item.get("planId").asString())
                .containsExactly(byId.body().get("planId").asString());
    }

    @Test
    void planPartsArePagedAndDiffCompares() {
        String planId = submitAndSolve("fn-parts-1");
        for (String part : List.of("placements", "moves", "formations", "leaving")) {
            Answer page = call("GET", "/plans/" + planId + "/" + part + "?offset=0&limit=2", null);
            assertThat(page.status()).as(part).isEqualTo(200);
            assertThat(page.body().get("items").size()).as(part).isLessThanOrEqualTo(2);
            assertThat(page.body().get("total").asInt()).as(part).isGreaterThanOrEqualTo(page.body().get("items").size());
        }
        Answer explanation = call("GET", "/plans/" + planId + "/explanation", null);
        assertThat(explanation.status()).isEqualTo(200);
        assertThat(explanation.body().get("summary").get("en").asString()).isNotBlank();
        assertThat(call("GET", "/plans/" + planId + "/placements?limit=0", null).status()).isEqualTo(400);

        String other = submitAndSolve("fn-parts-2");
        Answer diff = call("GET", "/plans/" + planId + "/diff/" + other, null);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body().get("sameSnapshot").asBoolean()).isFalse();
        assertThat(call("GET", "/plans/" + planId + "/diff/plan-unknown", null).status()).isEqualTo(404);

        // A plan not solved yet has no parts to read.
        String queued = call("POST", "/plans", Map.of("snapshotId", "fn-parts-1")).body().get("planId").asString();
        Answer notYet = call("GET", "/plans/" + queued + "/moves", null);
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.body().get("error").asString()).isEqualTo("CONFLICT");
    }

    @Test
    void pinsResolveAndDecisionWithVersions() {
        String planId = submitAndSolve("fn-review-1");
        JsonNode moves = call("GET", "/plans/" + planId + "/moves", null).body().get("items");
        assertThat(moves.size()).isGreaterThanOrEqualTo(1);
        JsonNode move = moves.get(0);
        long version = call("GET", "/plans/" + planId, null).body().get("version").asLong();

        Answer badPins = call("PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of(
                Map.of("staffId", "000000000000000000", "facilityId", "x", "job", "y"),
                Map.of("staffId", move.get("staffId").asString(), "facilityId", "nowhere", "job", move.get("job").asString()))));
        assertThat(badPins.status()).isEqualTo(400);
        assertThat(badPins.body().get("details")).extracting(detail -> detail.get("path").asString())
                .containsExactly("pins[0].staffId", "pins[1]");

        Answer pinned = call("PUT", "/plans/" + planId + "/pins", Map.of("comment", "keep this move", "pins", List.of(
                Map.of("staffId", move.get("staffId").asString(), "facilityId", move.get("to").asString(),
                        "job", move.get("job").asString()))));
        assertThat(pinned.status()).isEqualTo(200);
        assertThat(pinned.body().get("version").asLong()).isEqualTo(version + 1);
        JsonNode audit = pinned.body().get("audit").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("PINS");
        assertThat(audit.get("actor").asString()).isEqualTo("reviewer-1");
        assertThat(audit.get("comment").asString()).isEqualTo("keep this move");

        Answer resolved = call("POST", "/plans/" + planId + "/resolve", Map.of("budgetSeconds", 1));
        assertThat(resolved.status()).isEqualTo(202);
        String second = resolved.body().get("planId").asString();
        assertThat(lambda.solve(Lambda.sqs(second, 1)).get("batchItemFailures")).isEmpty();
        JsonNode secondPlan = call("GET", "/plans/" + second, null).body();
        assertThat(secondPlan.get("status").asString()).isEqualTo("SOLVED");
        assertThat(secondPlan.get("warmStartFrom").asString()).isEqualTo(planId);
        assertThat(secondPlan.get("pins")).hasSize(1);

        long secondVersion = secondPlan.get("version").asLong();
        assertThat(decide(second, Map.of("decision", "maybe")).body().get("details"))
                .extracting(detail -> detail.get("path").asString()).containsExactly("decision", "version");
        assertThat(decide(second, Map.of("decision", "approve", "version", secondVersion - 1)).status()).isEqualTo(409);
        Answer approved = decide(second, Map.of("decision", "approve", "version", secondVersion, "comment", "ok"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(decide(second, Map.of("decision", "approve", "version", secondVersion)).status()).isEqualTo(409);
        assertThat(decide(planId, Map.of("decision", "reject", "version", version + 1, "comment", "superseded"))
                .body().get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void snapshotsAndChangesAndTheChangeEventRecomputesOnce() throws IOException {
        ObjectNode snapshot = Samples.tiny("fn-snap-1");
        Answer created = call("POST", "/snapshots", snapshot);
        assertThat(created.status()).isEqualTo(201);
        assertThat(call("POST", "/snapshots", snapshot).status()).isEqualTo(200);
        ObjectNode other = Samples.tiny("fn-snap-1");
        other.put("asOf", "2026-10-22");
        assertThat(call("POST", "/snapshots", other).status()).isEqualTo(409);
        Answer got = call("GET", "/snapshots/fn-snap-1", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().get("staff").asInt()).isEqualTo(snapshot.get("staff").size());
        assertThat(call("GET", "/snapshots/nope", null).status()).isEqualTo(404);

        // Its own arrival event queues the first plan; the tenant's other plans of older snapshots go STALE.
        String version = created.body().get("versionId").asString();
        JsonNode first = lambda.snapshotChanged(Lambda.objectCreated("formasi-snapshots", "snapshots/fn-snap-1.json", version));
        assertThat(first.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        String planId = first.get("planId").asString();
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();

        JsonNode staff = snapshot.get("staff").get(0);
        JsonNode facility = snapshot.get("facilities").get(0);
        JsonNode formation = facility.get("formations").get(0);
        ArrayNode changes = Json.MAPPER.createArrayNode();
        changes.addObject().put("type", "STAFF_LEFT").put("staffId", staff.get("id").asString()).put("reason", "RETIRED");
        changes.addObject().put("type", "FORMATION_CHANGED").put("facilityId", facility.get("id").asString())
                .put("job", formation.get("job").asString()).put("cap", formation.get("cap").asInt() + 1);
        changes.addObject().put("type", "QUALIFICATION_GAINED").put("staffId", snapshot.get("staff").get(1).get("id").asString())
                .put("job", snapshot.get("jobs").get(1).get("code").asString());
        Answer bad = call("POST", "/snapshots/fn-snap-1/changes", Map.of("changes", List.of(
                Map.of("type", "STAFF_LEFT", "staffId", "999999999999999999"), Map.of("type", "PROMOTED"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("details")).extracting(detail -> detail.get("path").asString())
                .containsExactly("changes[0].staffId", "changes[1].type");

        Answer changed = call("POST", "/snapshots/fn-snap-1/changes",
                Json.MAPPER.createObjectNode().put("asOf", "2026-11-01").set("changes", changes));
        assertThat(changed.status()).isEqualTo(201);
        String newId = changed.body().get("snapshotId").asString();
        assertThat(newId).isEqualTo("fn-snap-1.c1");
        assertThat(changed.body().get("derivedFrom").asString()).isEqualTo("fn-snap-1");
        assertThat(changed.body().get("staff").asInt()).isEqualTo(snapshot.get("staff").size() - 1);

        long queuedBefore = lambda.files("queue");
        ObjectNode event = Lambda.objectCreated("formasi-snapshots", "snapshots/" + newId + ".json",
                changed.body().get("versionId").asString());
        JsonNode arrival = lambda.snapshotChanged(event);
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        assertThat(arrival.get("markedStale").asInt()).isPositive();
        assertThat(lambda.snapshotChanged(event).get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(lambda.files("queue")).isEqualTo(queuedBefore + 1);
        assertThat(call("GET", "/plans/" + planId, null).body().get("status").asString()).isEqualTo("STALE");

        // Keys outside the snapshot folder are none of ours.
        assertThat(lambda.snapshotChanged(Lambda.objectCreated("formasi-snapshots", "exports/x.csv", "v1"))
                .get("outcome").asString()).isEqualTo("IGNORED");
    }

    @Test
    void refusedRequestsAnswerWithEveryErrorAndStoreNothing() throws IOException {
        long snapshots = lambda.files("snapshots");
        long plans = lambda.files("plans");
        long queue = lambda.files("queue");

        ObjectNode invalid = Samples.tiny("fn-bad-1");
        ((ObjectNode) invalid.get("staff").get(0)).put("job", "NO_SUCH_JOB");
        ((ObjectNode) invalid.get("facilities").get(0).get("formations").get(0)).put("minimum", -1);
        Answer answer = call("POST", "/plans", Map.of("snapshot", invalid, "budgetSeconds", 0));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asString()).isEqualTo("INVALID");
        assertThat(answer.body().get("details")).extracting(detail -> detail.get("path").asString())
                .contains("budgetSeconds")
                .anyMatch(path -> path.startsWith("snapshot.staff[0]"))
                .anyMatch(path -> path.startsWith("snapshot.facilities[0]"));
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("at id.formasi");

        assertThat(call("POST", "/plans", "{\"snapshot\": ").status()).isEqualTo(400);
        assertThat(call("POST", "/plans", "\"a text\"").status()).isEqualTo(400);
        assertThat(call("POST", "/plans", Map.of()).body().get("details").get(0).get("path").asString())
                .isEqualTo("snapshot");
        assertThat(call("POST", "/plans", Map.of("snapshotId", "unknown-snapshot")).status()).isEqualTo(404);

        ObjectNode notJson = Lambda.http("POST", "/plans", "snapshot=1");
        ((ObjectNode) notJson.get("headers")).put("content-type", "application/x-www-form-urlencoded");
        assertThat(answer(lambda.api(notJson)).status()).isEqualTo(415);

        Answer tooLarge = call("POST", "/plans", "{\"pad\":\"" + "x".repeat(1_000_001) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("error").asString()).isEqualTo("TOO_LARGE");

        assertThat(call("GET", "/plans/plan-unknown", null).status()).isEqualTo(404);
        assertThat(call("GET", "/plans?status=DONE", null).body().get("details").get(0).get("path").asString())
                .isEqualTo("query.status");
        assertThat(call("GET", "/nothing/here", null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/plans", null).status()).isEqualTo(405);
        assertThat(call("PUT", "/plans/plan-unknown/pins", Map.of("pins", List.of())).status()).isEqualTo(404);
        assertThat(call("POST", "/plans/plan-unknown/resolve", null).status()).isEqualTo(404);
        assertThat(call("POST", "/plans/plan-unknown/decision", Map.of("decision", "approve", "version", 1)).status())
                .isEqualTo(404);
        assertThat(call("POST", "/snapshots", invalid).status()).isEqualTo(400);
        assertThat(call("POST", "/snapshots/unknown/changes", Map.of("changes", List.of())).status()).isEqualTo(404);

        assertThat(lambda.files("snapshots")).isEqualTo(snapshots);
        assertThat(lambda.files("plans")).isEqualTo(plans);
        assertThat(lambda.files("queue")).isEqualTo(queue);
    }
}
