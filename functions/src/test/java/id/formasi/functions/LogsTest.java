package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the functions log, as CloudWatch gets it: one JSON object per line (ECS), each with the Lambda request
 * id, the api's with API Gateway's request id too; one line per HTTP request, at a level by its status; and no
 * personal data, whatever the request carried.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogsTest {

    private static final Lambda lambda = Lambda.quick("formasi-logs-test");

    @AfterAll
    static void clear() {
        lambda.clearSettings();
    }

    /** An api event with its own API Gateway request id. */
    private static JsonNode api(String requestId, String method, String path, Object body) {
        ObjectNode event = Lambda.http(method, path, body == null ? null : Json.MAPPER.writeValueAsString(body));
        ((ObjectNode) event.get("requestContext")).put("requestId", requestId);
        return lambda.api(event);
    }

    /** The lines written since {@code from}, each a JSON object (a line that is not fails the test). */
    private static List<JsonNode> lines(CapturedOutput output, int from) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().substring(from).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
                lines.add(node);
            } catch (JacksonException e) {
                throw new AssertionError("a log line that is not JSON: " + line);
            }
        }
        return lines;
    }

    @Test
    void everyLineIsJsonWithTheRequestIdsAndEachRequestHasOneLineAtItsLevel(CapturedOutput output) {
        int from = output.getOut().length();
        JsonNode submitted = api("api-req-1", "POST", "/plans", Map.of("snapshot", Samples.tiny("logs-1"), "budgetSeconds", 1));
        String planId = Json.MAPPER.readTree(submitted.get("body").asString()).get("planId").asString();
        api("api-req-2", "GET", "/plans/no-such-plan", null);
        lambda.solve(Lambda.sqs(planId, 1));
        api("api-req-3", "GET", "/plans/" + planId + "/moves", null);

        List<JsonNode> lines = lines(output, from);
        assertThat(lines).isNotEmpty();
        for (JsonNode line : lines) {
            assertThat(line.path("@timestamp").asString()).as("%s", line).isNotBlank();
            assertThat(line.at("/log/level").asString()).as("%s", line).isNotBlank();
            // The Lambda context's request id (TestContext), on every line of every function.
            assertThat(line.path("requestId").asString()).as("%s", line).isEqualTo("test-request");
        }
        for (String id : List.of("api-req-1", "api-req-2", "api-req-3")) {
            List<JsonNode> request = lines.stream().filter(line -> line.path("apiRequestId").asString().equals(id))
                    .filter(line -> line.path("message").asString().contains(" -> ")).toList();
            assertThat(request).as("the request line of %s", id).hasSize(1);
        }
        JsonNode created = line(lines, "api-req-1");
        assertThat(created.path("message").asString()).isEqualTo("POST /plans -> 202");
        assertThat(created.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(created.path("status").asInt()).isEqualTo(202);
        assertThat(created.path("durationMs").isNumber()).isTrue();
        JsonNode missing = line(lines, "api-req-2");
        assertThat(missing.path("message").asString()).isEqualTo("GET /plans/{id} -> 404");
        assertThat(missing.at("/log/level").asString()).isEqualTo("INFO");
        // The solve function's lines carry the plan they are about.
        assertThat(lines).anyMatch(line -> line.path("planId").asString().equals(planId)
                && line.path("function").asString().equals("solve"));
    }

    @Test
    void noNipNameOrBirthDateReachesTheLogsWhateverTheRequestHeld(CapturedOutput output) throws IOException {
        int from = output.getOut().length();
        ObjectNode snapshot = Samples.tiny("logs-2");
        api("api-req-4", "POST", "/plans", Map.of("snapshot", snapshot, "budgetSeconds", 1));
        ObjectNode invalid = Samples.tiny("logs-3");
        ((ObjectNode) invalid.get("staff").get(0)).put("job", "NOT_A_JOB").put("birthDate", "1960-13-45");
        api("api-req-5", "POST", "/plans", Map.of("snapshot", invalid));
        String nip = snapshot.get("staff").get(0).get("id").asString();
        api("api-req-6", "GET", "/plans/" + nip, null);
        Path file = lambda.dataDir.resolve("snapshots").resolve("logs-broken.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(invalid));
        lambda.snapshotChanged(Lambda.objectCreated("formasi-snapshots", "snapshots/logs-broken.json",
                id.formasi.infra.local.LocalSnapshotStore.versionOf(Files.readAllBytes(file))));

        String written = output.getOut().substring(from);
        assertThat(lines(output, from)).isNotEmpty();
        for (JsonNode person : snapshot.get("staff")) {
            assertThat(written).doesNotContain(person.get("name").asString()).doesNotContain(person.get("birthDate").asString());
            if (!person.get("id").asString().equals(nip)) {
                assertThat(written).doesNotContain(person.get("id").asString());
            }
        }
        // An id in a path is the caller's own input; it is logged as the route's template, not as sent.
        assertThat(written).doesNotContain(nip);
    }

    private static JsonNode line(List<JsonNode> lines, String apiRequestId) {
        return lines.stream().filter(line -> line.path("apiRequestId").asString().equals(apiRequestId))
                .filter(line -> line.path("message").asString().contains(" -> ")).findFirst().orElseThrow();
    }
}
