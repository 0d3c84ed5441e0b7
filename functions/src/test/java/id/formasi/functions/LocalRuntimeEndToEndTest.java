package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review cycle on the local runtime over real HTTP, with the Balikpapan sample: submit, watch, pin,
 * resolve, approve, a stale approval, then a changed snapshot dropped into the watched folder.
 */
class LocalRuntimeEndToEndTest {

    @TempDir
    Path data;

    @Test
    void reviewCycleAndRecomputeOnADroppedSnapshot() throws Exception {
        try (Runtime runtime = new Runtime(data, "formasi.solve.budget=3s", "formasi.solve.progress-interval=500ms")) {
            byte[] sample = Files.readAllBytes(Samples.file("balikpapan.json"));
            JsonNode submitted = runtime.json("POST", "/plans?", Map.of("snapshot", Json.MAPPER.readTree(sample),
                    "budgetSeconds", 3)).body();
            String first = submitted.get("planId").asString();
            assertThat(submitted.get("url").asString()).isEqualTo("http://localhost:" + runtime.local.port() + "/plans/" + first);

            // Progress while it runs: the score and elapsed time show before it is done.
            AtomicBoolean sawProgress = new AtomicBoolean();
            JsonNode solved = runtime.await("/plans/" + first, plan -> {
                if (plan.get("status").asString().equals("SOLVING") && !plan.get("progress").isNull()) {
                    sawProgress.set(plan.get("progress").get("score").asString().contains("hard"));
                }
                return plan.get("status").asString().equals("SOLVED");
            }, Duration.ofSeconds(90));
            // The flow may prove the optimum between two polls: then the progress it saved is on the solved plan.
            assertThat(sawProgress.get() || solved.get("progress").get("score").asString().contains("hard")).isTrue();
            assertThat(solved.get("summary").get("placements").asInt()).isGreaterThan(4000);

            // Pin two moves as they are, and re-solve with them.
            JsonNode moves = runtime.get("/plans/" + first + "/moves?limit=2").body().get("items");
            assertThat(moves.size()).isEqualTo(2);
            List<Map<String, String>> pins = new ArrayList<>();
            for (JsonNode move : moves) {
                pins.add(Map.of("staffId", move.get("staffId").asString(), "facilityId", move.get("to").asString(),
                        "job", move.get("job").asString()));
            }
            Runtime.Reply pinned = runtime.json("PUT", "/plans/" + first + "/pins",
                    Map.of("pins", pins, "version", solved.get("version").asLong(), "comment", "agreed with the school"));
            assertThat(pinned.status()).isEqualTo(200);
            assertThat(pinned.body().get("audit").get(0).get("actor").asString()).isEqualTo("planner-a");

            Runtime.Reply resolved = runtime.json("POST", "/plans/" + first + "/resolve", Map.of("budgetSeconds", 2));
            assertThat(resolved.status()).isEqualTo(202);
            String second = resolved.body().get("planId").asString();
            JsonNode secondPlan = runtime.await("/plans/" + second, plan -> plan.get("status").asString().equals("SOLVED"),
                    Duration.ofSeconds(90));
            JsonNode secondPlacements = runtime.get("/plans/" + second + "/placements?limit=1000").body();
            assertThat(secondPlan.get("pins")).hasSize(2);

            long version = secondPlan.get("version").asLong();
            assertThat(runtime.json("POST", "/plans/" + second + "/decision",
                    Map.of("decision", "approve", "version", version, "comment", "approved in the meeting")).status())
                    .isEqualTo(200);
            Runtime.Reply late = runtime.json("POST", "/plans/" + second + "/decision",
                    Map.of("decision", "approve", "version", version));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body().get("error").asString()).isEqualTo("CONFLICT");
            assertThat(secondPlacements.get("total").asInt()).isGreaterThan(4000);

            // A changed export lands in the watched folder: the unapproved plan goes STALE, a new plan solves,
            // warm-started from the approved one.
            ObjectNode changed = (ObjectNode) Json.MAPPER.readTree(sample);
            changed.put("snapshotId", "balikpapan-2026-11");
            changed.put("asOf", "2026-11-21");
            ObjectNode formation = (ObjectNode) changed.get("facilities").get(0).get("formations").get(0);
            formation.put("cap", formation.get("cap").asInt() + 1);
            Path dropped = runtime.dataDir.resolve("snapshots").resolve("export-2026-11.json");
            Files.write(dropped, Json.MAPPER.writeValueAsBytes(changed));

            runtime.await("/plans/" + first, plan -> plan.get("status").asString().equals("STALE"), Duration.ofSeconds(30));
            JsonNode recompute = runtime.await("/plans?snapshotId=balikpapan-2026-11",
                    page -> page.get("total").asInt() == 1, Duration.ofSeconds(30)).get("items").get(0);
            String third = recompute.get("planId").asString();
            JsonNode thirdPlan = runtime.await("/plans/" + third, plan -> plan.get("status").asString().equals("SOLVED"),
                    Duration.ofSeconds(90));
            assertThat(thirdPlan.get("trigger").asString()).isEqualTo("SNAPSHOT_CHANGED");
            assertThat(thirdPlan.get("warmStartFrom").asString()).isEqualTo(second);
            assertThat(runtime.get("/plans/" + second).body().get("status").asString()).isEqualTo("APPROVED");

            // The same event twice more: still one recompute.
            runtime.local.deliverSnapshotEvent(dropped);
            runtime.local.deliverSnapshotEvent(dropped);
            assertThat(runtime.get("/plans?snapshotId=balikpapan-2026-11").body().get("total").asInt()).isEqualTo(1);
        }
    }
}
