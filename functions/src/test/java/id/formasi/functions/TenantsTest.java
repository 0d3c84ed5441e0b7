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
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenants apart, on the local backend through the Lambda entry: the caller's tenant is the
 * {@code X-Formasi-Tenant} header (else {@code formasi.local.tenant}, 6471); every read and write stays inside
 * it, and a snapshot file never reaches another tenant's plans.
 */
class TenantsTest {

    /** The tiny sample's own tenant. */
    private static final String TINY = "9901";
    private static final String OTHER = "6472";

    private static Path data;
    private static Lambda lambda;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("formasi-tenants-test");
        lambda = new Lambda(data, Map.of("formasi.solve.budget", "1s"));
    }

    @AfterAll
    static void clear() {
        Stream.of("formasi.data-dir", "formasi.local.runtime", "formasi.solve.budget", "MAIN_CLASS")
                .forEach(System::clearProperty);
    }

    record Answer(int status, JsonNode body) {
    }

    /** A request for a tenant; null sends no tenant header. */
    private static Answer call(String tenant, String method, String path, Object body) {
        ObjectNode event = Lambda.http(method, path, body == null ? null : Json.MAPPER.writeValueAsString(body));
        if (tenant != null) {
            ((ObjectNode) event.get("headers")).put("x-formasi-tenant", tenant);
        }
        JsonNode response = lambda.api(event);
        return new Answer(response.get("statusCode").asInt(), Json.MAPPER.readTree(response.get("body").asString()));
    }

    private static String solvedPlan(String snapshotId) {
        Answer submitted = call(TINY, "POST", "/plans", Map.of("snapshot", Samples.tiny(snapshotId), "budgetSeconds", 1));
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(202);
        String planId = submitted.body().get("planId").asString();
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();
        assertThat(call(TINY, "GET", "/plans/" + planId, null).body().get("status").asString()).isEqualTo("SOLVED");
        return planId;
    }

    @Test
    void anotherTenantsPlansAndSnapshotsAnswer404AndListsHoldOnlyTheCallersOwn() {
        String planId = solvedPlan("tenants-read-1");
        JsonNode plan = call(TINY, "GET", "/plans/" + planId, null).body();
        assertThat(plan.get("tenant").asString()).isEqualTo(TINY);
        long version = plan.get("version").asLong();

        // Without a header the caller is the default tenant, 6471: not the tiny sample's.
        for (String caller : new String[] {null, OTHER}) {
            for (String path : List.of("/plans/" + planId, "/plans/" + planId + "/moves",
                    "/plans/" + planId + "/placements", "/plans/" + planId + "/explanation",
                    "/plans/" + planId + "/diff/" + planId, "/snapshots/tenants-read-1",
                    "/snapshots/tenants-read-1/facilities", "/snapshots/tenants-read-1/staff",
                    "/plans/" + planId + "/whatif?staffId=1&facilityId=2&job=GURU_KELAS_SD")) {
                Answer answer = call(caller, "GET", path, null);
                assertThat(answer.status()).as("GET %s as %s", path, caller).isEqualTo(404);
                assertThat(answer.body().toString()).doesNotContain(TINY);
            }
            assertThat(call(caller, "POST", "/plans/" + planId + "/decision",
                    Map.of("decision", "approve", "version", version)).status()).isEqualTo(404);
            assertThat(call(caller, "PUT", "/plans/" + planId + "/pins", Map.of("pins", List.of())).status())
                    .isEqualTo(404);
            assertThat(call(caller, "POST", "/plans/" + planId + "/resolve", Map.of()).status()).isEqualTo(404);
            assertThat(call(caller, "POST", "/plans", Map.of("snapshotId", "tenants-read-1")).status()).isEqualTo(404);
            assertThat(call(caller, "POST", "/snapshots/tenants-read-1/changes", Map.of("changes", List.of()))
                    .status()).isEqualTo(404);
            assertThat(call(caller, "GET", "/plans", null).body().get("items"))
                    .extracting(item -> item.get("planId").asString()).doesNotContain(planId);
        }
        // Nothing above changed the plan, and its own tenant sees it in its list.
        assertThat(call(TINY, "GET", "/plans/" + planId, null).body().get("version").asLong()).isEqualTo(version);
        assertThat(call(TINY, "GET", "/plans", null).body().get("items"))
                .extracting(item -> item.get("tenant").asString()).containsOnly(TINY);
    }

    @Test
    void aSnapshotOfAnotherTenantIsRefusedWith403NamingBothAndNothingIsStored() throws IOException {
        long snapshots = lambda.files("snapshots");
        long plans = lambda.files("plans");
        for (Object body : List.<Object>of(Map.of("snapshot", Samples.tiny("tenants-403")), Samples.tiny("tenants-403"))) {
            Answer refused = call(null, "POST", "/plans", body);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("error").asString()).isEqualTo("FORBIDDEN");
            assertThat(refused.body().get("message").asString()).contains(TINY).contains("6471");
        }
        Answer snapshot = call(OTHER, "POST", "/snapshots", Samples.tiny("tenants-403"));
        assertThat(snapshot.status()).isEqualTo(403);
        assertThat(snapshot.body().get("message").asString()).contains(TINY).contains(OTHER);
        assertThat(snapshot.body().get("details").get(0).get("path").asString()).isEqualTo("tenant");
        assertThat(lambda.files("snapshots")).isEqualTo(snapshots);
        assertThat(lambda.files("plans")).isEqualTo(plans);
    }

    @Test
    void tenantCodesAreRegionCodesAndNeverReachAKey() throws IOException {
        for (String bad : List.of("../..", "a/b", "1", "1234567")) {
            Answer header = call(bad, "GET", "/plans", null);
            assertThat(header.status()).as(bad).isEqualTo(400);
            assertThat(header.body().get("details").get(0).get("path").asString()).isEqualTo("headers.X-Formasi-Tenant");

            ObjectNode snapshot = Samples.tiny("tenants-bad-code");
            snapshot.put("tenant", bad);
            Answer body = call(bad.matches("[0-9]+") ? null : TINY, "POST", "/plans", Map.of("snapshot", snapshot));
            assertThat(body.status()).as(bad).isEqualTo(400);
            assertThat(body.body().get("details")).extracting(detail -> detail.get("path").asString())
                    .containsExactly("snapshot.tenant");
        }
        try (Stream<Path> everything = Files.walk(data)) {
            assertThat(everything.map(data::relativize).map(Path::toString))
                    .noneMatch(name -> name.contains("a/b") || name.contains("tenants-bad-code"));
        }
        // The page and its assets need no tenant.
        ObjectNode page = Lambda.http("GET", "/", null);
        ((ObjectNode) page.get("headers")).put("x-formasi-tenant", "../..");
        assertThat(lambda.api(page).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aSnapshotFileNeverMarksAnotherTenantsPlansStale() throws IOException {
        String planId = solvedPlan("tenants-files-1");

        // A newer file of another tenant: that tenant's own business.
        ObjectNode other = Samples.tiny("tenants-files-other");
        other.put("tenant", OTHER).put("asOf", "2026-11-01");
        JsonNode arrival = drop("snapshots/tenants-files-other.json", other);
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        assertThat(arrival.get("markedStale").asInt()).isZero();

        // In another tenant's folder, a file that says it is the tiny tenant's is refused.
        ObjectNode disguised = Samples.tiny("tenants-files-2");
        disguised.put("asOf", "2026-11-01");
        assertThat(drop("snapshots/" + OTHER + "/disguised.json", disguised).get("outcome").asString())
                .isEqualTo("REJECTED");
        assertThat(call(TINY, "GET", "/snapshots/tenants-files-2", null).status()).isEqualTo(404);

        // Another tenant's file over the tiny tenant's snapshot takes nothing over.
        ObjectNode takeover = Samples.tiny("tenants-files-1");
        takeover.put("tenant", OTHER);
        assertThat(drop("snapshots/tenants-files-1.json", takeover).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(call(OTHER, "GET", "/snapshots/tenants-files-1", null).status()).isEqualTo(404);

        assertThat(call(TINY, "GET", "/plans/" + planId, null).body().get("status").asString()).isEqualTo("SOLVED");
        assertThat(call(TINY, "GET", "/snapshots/tenants-files-1", null).status()).isEqualTo(200);

        // In its own folder, the tenant's file is its own.
        ObjectNode own = Samples.tiny("tenants-files-3");
        own.put("asOf", "2026-11-02");
        JsonNode ownArrival = drop("snapshots/" + TINY + "/tenants-files-3.json", own);
        assertThat(ownArrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        assertThat(call(TINY, "GET", "/plans/" + planId, null).body().get("status").asString()).isEqualTo("STALE");
    }

    /** Writes a file into the watched folder and delivers its "Object Created" event. */
    private static JsonNode drop(String key, ObjectNode snapshot) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(snapshot);
        Path file = data.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        String version = id.formasi.infra.local.LocalSnapshotStore.versionOf(bytes);
        return lambda.snapshotChanged(Lambda.objectCreated("formasi-snapshots", key, version));
    }
}
