package id.formasi.functions;

import static id.formasi.infra.PlanRecord.Trigger.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.infra.PlanRecord;
import id.formasi.infra.SolveJob;
import id.formasi.infra.local.LocalBackend;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The local runtime killed with SIGKILL in the middle of a solve (a child JVM running the application, as
 * {@code spring-boot:run} does), then started again on the same data folder: the interrupted plan is solved,
 * and a job that keeps failing ends in the dead-letter path with its plan FAILED.
 */
class LocalRestartTest {

    @TempDir
    Path data;

    @Test
    void aRuntimeKilledDuringASolveFinishesThePlanAfterItsRestart() throws Exception {
        String planId;
        try (ChildJvm child = new ChildJvm(data.resolve("../" + data.getFileName() + "-child.log"),
                FormasiApplication.class, "--formasi.data-dir=" + data, "--formasi.local.port=0",
                "--formasi.local.sample=" + Samples.file("balikpapan.json"), "--formasi.solve.budget=5s")) {
            child.await(() -> solving().isPresent(), Duration.ofSeconds(120), "a plan SOLVING");
            planId = solving().orElseThrow();
            child.kill();
        }
        assertThat(status(planId)).isEqualTo("SOLVING");

        try (Runtime runtime = new Runtime(data, "formasi.local.retry-delay=200ms")) {
            JsonNode solved = runtime.await("/plans/" + planId, plan -> plan.get("status").asString().equals("SOLVED"),
                    Duration.ofSeconds(120));
            // The killed run's claim was attempt 1; the restart gave the plan back to the queue for attempt 2.
            assertThat(solved.get("attempts").asInt()).isEqualTo(2);

            // A job whose every delivery fails (here: another attempt holds the plan, alive as far as its record
            // says) is dead-lettered after the last one, and its plan fails with the reason.
            LocalBackend backend = runtime.context.getBean(LocalBackend.class);
            backend.plans().create(PlanRecord.queued("plan-held", "6471", "gone", "v0", 600, List.of(), null,
                    REQUEST, Instant.now()));
            backend.plans().update("plan-held", plan -> plan.withStatus(PlanStatus.SOLVING, Instant.now()).withAttempt(1,
                    Instant.now()));
            backend.queue().send(new SolveJob("plan-held"));
            JsonNode failed = runtime.await("/plans/plan-held", plan -> plan.get("status").asString().equals("FAILED"),
                    Duration.ofSeconds(30));
            assertThat(failed.get("failure").asString()).contains("dead-letter queue");
            assertThat(backend.queue().size()).isZero();
        }
    }

    /** Read as a second reader would, without opening a backend (that would tidy the child's temporaries). */
    private Optional<String> solving() {
        return records().filter(plan -> "SOLVING".equals(plan.path("status").asString()))
                .map(plan -> plan.get("planId").asString()).findFirst();
    }

    private String status(String planId) throws IOException {
        return Json.MAPPER.readTree(Files.readAllBytes(data.resolve("plans/" + planId + ".json"))).get("status").asString();
    }

    private Stream<JsonNode> records() {
        Path plans = data.resolve("plans");
        if (!Files.isDirectory(plans)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(plans)) {
            return files.toList().stream().flatMap(file -> {
                try {
                    return Stream.of(Json.MAPPER.readTree(Files.readAllBytes(file)));
                } catch (IOException | RuntimeException e) {
                    return Stream.empty();
                }
            });
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
