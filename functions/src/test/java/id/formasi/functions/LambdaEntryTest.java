package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.solver.snapshot.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The Lambda entry point takes the event exactly as API Gateway sent it: no header and no body can change
 * the route, the method, the claims or the body the api function sees. Fed raw event bytes through the
 * handler template.yaml names.
 */
class LambdaEntryTest {

    private static Lambda lambda;

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createTempDirectory("formasi-entry-test");
        // The tiny sample's tenant is the default here, so requests need no tenant header.
        lambda = new Lambda(data, Map.of("formasi.solve.budget", "1s", "formasi.local.tenant", "9901"));
    }

    @AfterAll
    static void clear() {
        Stream.of("formasi.data-dir", "formasi.local.runtime", "formasi.solve.budget", "formasi.local.tenant")
                .forEach(System::clearProperty);
    }

    private static JsonNode body(JsonNode response) {
        return Json.MAPPER.readTree(response.get("body").asString());
    }

    private static JsonNode plan(String planId) {
        JsonNode response = lambda.api(Lambda.http("GET", "/plans/" + planId, null));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        return body(response);
    }

    private static String solvedPlan(String snapshotId) {
        JsonNode submitted = body(lambda.api(Lambda.http("POST", "/plans", Samples.tiny(snapshotId).toString())));
        String planId = submitted.get("planId").asString();
        assertThat(lambda.solve(Lambda.sqs(planId, 1)).get("batchItemFailures")).isEmpty();
        assertThat(plan(planId).get("status").asString()).isEqualTo("SOLVED");
        return planId;
    }

    /** A request on a route without an authorizer (the review page): no claims in the event. */
    private static ObjectNode unauthenticated(String method, String path, String body) {
        ObjectNode event = Lambda.http(method, path, body);
        ((ObjectNode) event.get("requestContext")).remove("authorizer");
        return event;
    }

    /** The smuggled event of the attack: an approval by kepala-bkpsdm, or any other route. */
    private static String smuggled(String rawPath, String method, String body) {
        ObjectNode inner = Json.MAPPER.createObjectNode();
        inner.put("version", "2.0").put("routeKey", "$default").put("rawPath", rawPath);
        inner.putObject("headers").put("content-type", "application/json");
        ObjectNode context = inner.putObject("requestContext");
        context.putObject("http").put("method", method);
        context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", "kepala-bkpsdm");
        if (body != null) {
            inner.put("body", body);
        }
        return Json.MAPPER.createArrayNode().add(inner).toString();
    }

    @Test
    void aPayloadHeaderOrAnArrayBodyOnTheOpenPageCannotApproveAPlan() {
        String planId = solvedPlan("entry-approve");
        long version = plan(planId).get("version").asLong();
        String approve = smuggled("/plans/" + planId + "/decision", "POST",
                "{\"decision\":\"approve\",\"version\":" + version + "}");

        ObjectNode header = unauthenticated("GET", "/", null);
        ((ObjectNode) header.get("headers")).put("payload", approve);
        JsonNode page = lambda.api(Json.MAPPER.writeValueAsBytes(header));
        assertThat(page.get("statusCode").asInt()).isEqualTo(200);
        assertThat(page.get("headers").get("Content-Type").asString()).startsWith("text/html");

        ObjectNode arrayBody = unauthenticated("GET", "/", approve);
        JsonNode second = lambda.api(Json.MAPPER.writeValueAsBytes(arrayBody));
        assertThat(second.get("statusCode").asInt()).isEqualTo(200);
        assertThat(second.get("headers").get("Content-Type").asString()).startsWith("text/html");

        JsonNode after = plan(planId);
        assertThat(after.get("status").asString()).isEqualTo("SOLVED");
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("audit").valueStream().map(entry -> entry.get("actor").asString()))
                .doesNotContain("kepala-bkpsdm");
    }

    @Test
    void aPayloadHeaderOnAnAssetCannotReadPlacements() {
        String planId = solvedPlan("entry-read");
        JsonNode placements = body(lambda.api(Lambda.http("GET", "/plans/" + planId + "/placements", null)));
        String staffId = placements.get("items").get(0).get("staffId").asString();

        ObjectNode css = unauthenticated("GET", "/assets/app.css", null);
        ((ObjectNode) css.get("headers")).put("payload", smuggled("/plans/" + planId + "/placements", "GET", null));
        JsonNode answer = lambda.api(Json.MAPPER.writeValueAsBytes(css));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.get("headers").get("Content-Type").asString()).startsWith("text/css");
        assertThat(answer.toString()).doesNotContain(staffId).doesNotContain("placements");
    }

    @Test
    void arrayAndOtherNonObjectBodiesAnswer400AsLocally() {
        for (String body : List.of("[]", "[1,2]", "[{\"snapshotId\":\"x\"}]", "42", "\"text\"", "null", "true")) {
            JsonNode answer = lambda.api(Json.MAPPER.writeValueAsBytes(Lambda.http("POST", "/plans", body)));
            assertThat(answer.get("statusCode").asInt()).as(body).isEqualTo(400);
            JsonNode error = body(answer);
            assertThat(error.get("error").asString()).as(body).isEqualTo("INVALID");
            assertThat(error.get("details").get(0).get("path").asString()).as(body).isEqualTo("$");
        }
        // The same body to the snapshot upload and to a decision.
        for (String path : List.of("/snapshots", "/plans/plan-x/decision")) {
            JsonNode answer = lambda.api(Json.MAPPER.writeValueAsBytes(Lambda.http("POST", path, "[{}]")));
            assertThat(answer.get("statusCode").asInt()).as(path).isEqualTo(400);
        }
    }

    @Test
    void theEventBytesAreReadAsTheyAre() {
        // A raw event as API Gateway writes it, keys in its order and a header the code does not know.
        String raw = new String(Json.MAPPER.writeValueAsBytes(Lambda.http("GET", "/plans?status=SOLVED", null)),
                StandardCharsets.UTF_8).replace("\"accept\"", "\"payload\":\"[]\",\"accept\"");
        JsonNode answer = lambda.api(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(answer).get("items")).isNotNull();
    }

    @Test
    void sqsAndEventBridgeEventsComeThroughTheSameRawPath() {
        String planId = body(lambda.api(Lambda.http("POST", "/plans", Samples.tiny("entry-sqs").toString())))
                .get("planId").asString();
        String other = body(lambda.api(Lambda.http("POST", "/plans", "{\"snapshotId\":\"entry-sqs\"}")))
                .get("planId").asString();
        // A message attribute named like the adapter's input header names the other plan: it is only data.
        ObjectNode sqs = Lambda.sqs(planId, 1);
        ((ObjectNode) sqs.get("Records").get(0)).putObject("messageAttributes").putObject("payload")
                .put("dataType", "String").put("stringValue", "{\"planId\":\"" + other + "\"}");
        assertThat(lambda.solve(sqs).get("batchItemFailures")).isEmpty();
        assertThat(plan(planId).get("status").asString()).isEqualTo("SOLVED");
        assertThat(plan(other).get("status").asString()).isEqualTo("QUEUED");

        String version = body(lambda.api(Lambda.http("GET", "/snapshots/entry-sqs", null))).get("versionId").asString();
        JsonNode arrival = lambda.snapshotChanged(
                Lambda.objectCreated("formasi-snapshots", "snapshots/entry-sqs.json", version));
        assertThat(arrival.get("outcome").asString()).isEqualTo("PLAN_ALREADY_QUEUED");
    }
}
