package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.infra.aws.AwsEnvironment;
import id.formasi.infra.aws.AwsIntegration;
import id.formasi.solver.snapshot.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three functions on the AWS backend (S3, DynamoDB, SQS: LocalStack or the emulators), each through its
 * own instance of the Lambda handler as on Lambda, with clients built the production way from the SDK's standard
 * settings: submit → queue → solve → stored plan → approve, a snapshot upload that recomputes, a duplicate
 * event. Lambda's parts that are not ours (the SQS event source mapping, EventBridge) are played by the test
 * from what the services hold.
 */
@AwsIntegration
class AwsFunctionsTest {

    private static AwsEnvironment aws;
    private static AwsEnvironment.Resources resources;
    private static Lambda lambda;
    private static final Set<String> PROPERTIES = new HashSet<>();

    @BeforeAll
    static void start(AwsEnvironment environment) throws Exception {
        aws = environment;
        resources = aws.create("functions");
        Map<String, String> settings = new HashMap<>(aws.sdkSettings());
        settings.put("formasi.backend", "aws");
        settings.put("formasi.snapshot-bucket", resources.settings().bucket());
        settings.put("formasi.aws.table", resources.settings().table());
        settings.put("formasi.aws.solve-queue-url", resources.settings().solveQueueUrl());
        settings.put("formasi.solve.budget", "1s");
        settings.put("formasi.test.plain-http-s3", "true");
        PROPERTIES.addAll(settings.keySet());
        PROPERTIES.addAll(List.of("formasi.data-dir", "formasi.local.runtime"));
        Path unused = Files.createTempDirectory("formasi-aws-test");
        lambda = new Lambda(unused, settings);
    }

    /** Everything each function called in these tests is granted to it by template.yaml (AwsPermissions; TemplateTest). */
    @AfterAll
    static void everyCallIsGranted() {
        PROPERTIES.forEach(System::clearProperty);
        RecordingInterceptor.CALLS.forEach((function, calls) -> {
            System.out.println(function + " called " + calls);
            assertThat(AwsPermissions.FUNCTIONS.get(function)).as("what %s calls", function).containsAll(calls);
        });
        assertThat(RecordingInterceptor.CALLS).containsKeys("api", "solve", "snapshotChanged", "solveFailed");
    }

    record Answer(int status, JsonNode body) {
    }

    /** A request with the token of a user of the tiny sample's tenant, and the headers given as name, value. */
    private static Answer call(String method, String path, Object body, String... headers) {
        return callAs("9901", method, path, body, headers);
    }

    /** A request with a token whose {@code custom:tenant} claim is {@code tenant} (none when null). */
    private static Answer callAs(String tenant, String method, String path, Object body, String... headers) {
        String text = body == null ? null : Json.MAPPER.writeValueAsString(body);
        ObjectNode request = Lambda.http(method, path, text);
        if (tenant != null) {
            ((ObjectNode) request.at("/requestContext/authorizer/jwt/claims")).put("custom:tenant", tenant);
        }
        for (int i = 0; i < headers.length; i += 2) {
            ((ObjectNode) request.get("headers")).put(headers[i], headers[i + 1]);
        }
        JsonNode response = lambda.api(request);
        return new Answer(response.get("statusCode").asInt(), Json.MAPPER.readTree(response.get("body").asString()));
    }

    /** What Lambda's event source mapping does: receive, invoke solve, delete what did not fail. */
    private static List<String> deliverSolveJobs() {
        List<String> planIds = new java.util.ArrayList<>();
        try (SqsClient sqs = aws.sqs()) {
            String queue = resources.settings().solveQueueUrl();
            while (true) {
                List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queue).waitTimeSeconds(1)
                        .maxNumberOfMessages(10).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty()) {
                    return planIds;
                }
                for (Message message : messages) {
                    JsonNode batch = lambda.solve(event(message));
                    assertThat(batch.get("batchItemFailures")).isEmpty();
                    sqs.deleteMessage(delete -> delete.queueUrl(queue).receiptHandle(message.receiptHandle()));
                    planIds.add(Json.MAPPER.readTree(message.body()).get("planId").asString());
                }
            }
        }
    }

    @Test
    void aJobTheSolveFunctionFailsThreeTimesLandsInTheDeadLetterQueue() {
        try (SqsClient sqs = aws.sqs()) {
            String queue = resources.settings().solveQueueUrl();
            sqs.sendMessage(send -> send.queueUrl(queue).messageBody("{\"planId\": 7"));
            int failures = 0;
            for (int receive = 0; receive < 5; receive++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                for (Message message : messages) {
                    JsonNode batch = lambda.solve(event(message));
                    assertThat(batch.get("batchItemFailures")).hasSize(1);
                    assertThat(batch.get("batchItemFailures").get(0).get("itemIdentifier").asString())
                            .isEqualTo(message.messageId());
                    failures++;
                    // As the event source mapping does with a reported failure: the message stays, and comes
                    // back when its visibility ends (here at once).
                    sqs.changeMessageVisibility(change -> change.queueUrl(queue).receiptHandle(message.receiptHandle())
                            .visibilityTimeout(0));
                }
            }
            assertThat(failures).isEqualTo(AwsEnvironment.MAX_RECEIVE_COUNT);
            List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(resources.deadLetterQueueUrl()).waitTimeSeconds(2))
                    .messages();
            assertThat(dead).extracting(Message::body).containsExactly("{\"planId\": 7");
        }
    }

    /** Receives the solve job of the plan (making any other job visible again at once). */
    private static Message jobOf(String planId) {
        try (SqsClient sqs = aws.sqs()) {
            String queue = resources.settings().solveQueueUrl();
            for (int receive = 0; receive < 20; receive++) {
                Message found = null;
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1).maxNumberOfMessages(10)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
                    if (found == null && Json.MAPPER.readTree(message.body()).path("planId").asString("").equals(planId)) {
                        found = message;
                    } else {
                        sqs.changeMessageVisibility(change -> change.queueUrl(queue)
                                .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                    }
                }
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no job for " + planId);
    }

    private static void delete(Message message) {
        try (SqsClient sqs = aws.sqs()) {
            sqs.deleteMessage(delete -> delete.queueUrl(resources.settings().solveQueueUrl())
                    .receiptHandle(message.receiptHandle()));
        }
    }

    private static ObjectNode tiny(String snapshotId, String tenant) {
        ObjectNode snapshot = Samples.tiny(snapshotId);
        snapshot.put("tenant", tenant);
        return snapshot;
    }

    @Test
    void aJobTheSolveFunctionNeverFinishedFailsItsPlanThroughTheDeadLetterQueue() {
        String planId = callAs("6421", "POST", "/plans", Map.of("snapshot", tiny("aws-dead-1", "6421"), "budgetSeconds", 1))
                .body().get("planId").asString();
        try (SqsClient sqs = aws.sqs()) {
            String queue = resources.settings().solveQueueUrl();
            // Three deliveries whose function timed out: nobody answered, the message comes back each time.
            for (int receive = 0; receive < AwsEnvironment.MAX_RECEIVE_COUNT; receive++) {
                Message message = jobOf(planId);
                sqs.changeMessageVisibility(change -> change.queueUrl(queue).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
            // The dead-letter queue's event source hands what it holds to solveFailed.
            boolean seen = false;
            for (int receive = 0; receive < 10 && !seen; receive++) {
                for (Message dead : sqs.receiveMessage(r -> r.queueUrl(resources.deadLetterQueueUrl()).waitTimeSeconds(1)
                        .maxNumberOfMessages(10).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
                    assertThat(lambda.solveFailed(event(dead)).get("batchItemFailures")).isEmpty();
                    sqs.deleteMessage(delete -> delete.queueUrl(resources.deadLetterQueueUrl())
                            .receiptHandle(dead.receiptHandle()));
                    seen |= dead.body().contains(planId);
                }
            }
            assertThat(seen).isTrue();
        }
        Answer failed = callAs("6421", "GET", "/plans/" + planId, null);
        assertThat(failed.body().get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.body().get("failure").asString()).contains("dead-letter queue");
    }

    @Test
    void aSecondDeliveryDuringASolveLeavesThePlanToItAndALateOneLeavesTheApprovedPlanAlone() {
        String planId = callAs("6422", "POST", "/plans", Map.of("snapshot", tiny("aws-lease-1", "6422"), "budgetSeconds", 1))
                .body().get("planId").asString();
        Message job = jobOf(planId);
        var store = aws.backend(resources.settings()).plans();
        // Delivery 1 claimed the plan and is solving: the record as its claim leaves it.
        store.update(planId, plan -> plan.withStatus(id.formasi.solver.plan.PlanStatus.SOLVING, java.time.Instant.now())
                .withAttempt(1, java.time.Instant.now()));
        long claimed = callAs("6422", "GET", "/plans/" + planId, null).body().get("version").asLong();
        assertThat(lambda.solve(event(job)).get("batchItemFailures")).hasSize(1);
        assertThat(callAs("6422", "GET", "/plans/" + planId, null).body().get("version").asLong()).isEqualTo(claimed);

        // Delivery 1 timed out: no write for longer than its lease.
        store.update(planId, plan -> plan.withStatus(id.formasi.solver.plan.PlanStatus.SOLVING,
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(10))));
        assertThat(lambda.solve(event(job)).get("batchItemFailures")).isEmpty();
        Answer solved = callAs("6422", "GET", "/plans/" + planId, null);
        assertThat(solved.body().get("status").asString()).isEqualTo("SOLVED");
        assertThat(solved.body().get("attempts").asInt()).isEqualTo(2);
        Answer approved = callAs("6422", "POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", solved.body().get("version").asLong()));
        assertThat(approved.status()).isEqualTo(200);
        String documentKey = "plans/6422/" + planId + ".json";
        String documentVersion;
        try (S3Client s3 = aws.s3()) {
            documentVersion = s3.headObject(head -> head.bucket(resources.settings().bucket()).key(documentKey)).versionId();
        }
        assertThat(lambda.solve(event(job)).get("batchItemFailures")).isEmpty();
        delete(job);
        Answer after = callAs("6422", "GET", "/plans/" + planId, null);
        assertThat(after.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(after.body().get("version").asLong()).isEqualTo(approved.body().get("version").asLong());
        try (S3Client s3 = aws.s3()) {
            assertThat(s3.headObject(head -> head.bucket(resources.settings().bucket()).key(documentKey)).versionId())
                    .isEqualTo(documentVersion);
        }
    }

    @Test
    void sameDateSnapshotsAndRepeatedRequestsOnTheAwsBackend() {
        Map<String, Object> first = Map.of("snapshot", tiny("aws-same-a", "6423"), "budgetSeconds", 1);
        Answer a = callAs("6423", "POST", "/plans", first, "idempotency-key", "aws-key-1");
        assertThat(a.status()).isEqualTo(202);
        String planA = a.body().get("planId").asString();
        Answer repeated = callAs("6423", "POST", "/plans", first, "idempotency-key", "aws-key-1");
        assertThat(repeated.body().get("planId").asString()).isEqualTo(planA);
        assertThat(callAs("6423", "POST", "/plans", Map.of("snapshot", tiny("aws-same-a", "6423"), "budgetSeconds", 2),
                "idempotency-key", "aws-key-1").status()).isEqualTo(422);
        String planB = callAs("6423", "POST", "/plans", Map.of("snapshot", tiny("aws-same-b", "6423"), "budgetSeconds", 1))
                .body().get("planId").asString();
        delete(jobOf(planA));
        delete(jobOf(planB));

        for (String snapshotId : List.of("aws-same-a", "aws-same-b")) {
            String version = callAs("6423", "GET", "/snapshots/" + snapshotId, null).body().get("versionId").asString();
            lambda.snapshotChanged(Lambda.objectCreated(resources.settings().bucket(), "snapshots/" + snapshotId + ".json",
                    version));
        }
        assertThat(callAs("6423", "GET", "/plans/" + planA, null).body().get("status").asString()).isEqualTo("STALE");
        assertThat(callAs("6423", "GET", "/plans/" + planB, null).body().get("status").asString()).isEqualTo("QUEUED");
    }

    /** Submits the tiny sample under {@code snapshotId} (1 s budget) and delivers its one solve job. */
    private static String submitAndSolve(String snapshotId) {
        Answer submitted = call("POST", "/plans", Map.of("snapshot", Samples.tiny(snapshotId), "budgetSeconds", 1));
        assertThat(submitted.status()).isEqualTo(202);
        String planId = submitted.body().get("planId").asString();
        assertThat(deliverSolveJobs()).containsExactly(planId);
        return planId;
    }

    private static ObjectNode event(Message message) {
        ObjectNode event = Lambda.event("sqs.json");
        ObjectNode record = (ObjectNode) event.get("Records").get(0);
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        ((ObjectNode) record.get("attributes")).put("ApproximateReceiveCount",
                message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        return event;
    }

    @Test
    void submitQueueSolveStoreApproveAndRecomputeOnUpload() {
        // Submit: the snapshot is stored in S3, the plan record in DynamoDB, the job sent to SQS.
        String planId = submitAndSolve("aws-e2e-1");

        Answer plan = call("GET", "/plans/" + planId, null);
        assertThat(plan.body().get("status").asString()).isEqualTo("SOLVED");
        assertThat(plan.body().get("score").get("hard").asLong()).isZero();
        String tenant = plan.body().get("tenant").asString();
        try (S3Client s3 = aws.s3()) {
            assertThat(s3.headObject(head -> head.bucket(resources.settings().bucket())
                    .key("plans/" + tenant + "/" + planId + ".json")).contentLength()).isPositive();
        }
        assertThat(call("GET", "/plans/" + planId + "/moves?limit=5", null).status()).isEqualTo(200);
        assertThat(call("GET", "/plans?snapshotId=aws-e2e-1", null).body().get("items"))
                .extracting(item -> item.get("planId").asString()).containsExactly(planId);

        // The object-created event of that very upload: the plan is queued already; its duplicate does nothing.
        String version = call("GET", "/snapshots/aws-e2e-1", null).body().get("versionId").asString();
        ObjectNode created = Lambda.objectCreated(resources.settings().bucket(), "snapshots/aws-e2e-1.json", version);
        assertThat(lambda.snapshotChanged(created).get("outcome").asString()).isEqualTo("PLAN_ALREADY_QUEUED");
        assertThat(lambda.snapshotChanged(created).get("outcome").asString()).isEqualTo("DUPLICATE");

        // Approve at the reviewed version; a second approval at that version loses the conditional write.
        long reviewed = plan.body().get("version").asLong();
        Answer approved = call("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", reviewed, "comment", "ok"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(call("POST", "/plans/" + planId + "/decision",
                Map.of("decision", "approve", "version", reviewed)).status()).isEqualTo(409);

        // A nightly export lands in the bucket: EventBridge tells snapshotChanged, which queues a recompute
        // warm-started from the approved plan.
        ObjectNode export = Samples.tiny("aws-e2e-2");
        export.put("asOf", "2026-10-22");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(export);
        String exportVersion;
        try (S3Client s3 = aws.s3()) {
            exportVersion = s3.putObject(put -> put.bucket(resources.settings().bucket()).key("snapshots/aws-e2e-2.json"),
                    RequestBody.fromBytes(bytes)).versionId();
        }
        JsonNode arrival = lambda.snapshotChanged(Lambda.objectCreated(resources.settings().bucket(),
                "snapshots/aws-e2e-2.json", exportVersion));
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        String recompute = arrival.get("planId").asString();
        assertThat(deliverSolveJobs()).containsExactly(recompute);
        Answer recomputed = call("GET", "/plans/" + recompute, null);
        assertThat(recomputed.body().get("status").asString()).isEqualTo("SOLVED");
        assertThat(recomputed.body().get("warmStartFrom").asString()).isEqualTo(planId);

        // Pins and a re-solve (the reviewer's routes).
        Answer pinned = call("PUT", "/plans/" + recompute + "/pins", Map.of("pins", List.of(), "comment", "none"));
        assertThat(pinned.status()).isEqualTo(200);
        Answer resolved = call("POST", "/plans/" + recompute + "/resolve", Map.of());
        assertThat(resolved.status()).isEqualTo(202);
        assertThat(deliverSolveJobs()).containsExactly(resolved.body().get("planId").asString());
        assertThat(call("GET", "/plans/" + planId + "/diff/" + recompute, null).status()).isEqualTo(200);
        assertThat(call("GET", "/plans?status=SOLVED", null).status()).isEqualTo(200);
    }

    @Test
    void aLargeSnapshotGoesStraightToTheBucketThroughAPresignedUrl() throws Exception {
        // A tenant of its own: its arrival is the newest snapshot there, whatever the other tests uploaded.
        ObjectNode snapshot = Samples.tiny("aws-upload-1");
        snapshot.put("tenant", "9902");
        byte[] content = Json.MAPPER.writeValueAsBytes(snapshot);
        Answer answer = callAs("9902", "POST", "/snapshots/uploads", Map.of("snapshotId", "aws-upload-1", "size", content.length));
        assertThat(answer.status()).isEqualTo(200);
        String url = answer.body().get("url").asString();
        // Signed for this length and 15 minutes: S3 refuses another size or a late PUT.
        assertThat(url).contains("/snapshots/aws-upload-1.json?").contains("X-Amz-Expires=900")
                .containsPattern("X-Amz-SignedHeaders=[^&]*content-length");

        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        answer.body().get("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asString());
            }
        });
        HttpResponse<String> stored = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        // What EventBridge then sends: the upload recomputes, as any new snapshot object does.
        String version;
        try (S3Client s3 = aws.s3()) {
            version = s3.headObject(head -> head.bucket(resources.settings().bucket()).key("snapshots/aws-upload-1.json"))
                    .versionId();
        }
        JsonNode arrival = lambda.snapshotChanged(Lambda.objectCreated(resources.settings().bucket(),
                "snapshots/aws-upload-1.json", version));
        assertThat(arrival.get("outcome").asString()).isEqualTo("RECOMPUTE_QUEUED");
        assertThat(deliverSolveJobs()).containsExactly(arrival.get("planId").asString());
        assertThat(callAs("9902", "GET", "/plans/" + arrival.get("planId").asString(), null).body().get("status").asString())
                .isEqualTo("SOLVED");
    }

    @Test
    void theTenantIsTheTokensClaimNeverAHeaderAndAFolderKeepsItsTenantsFilesInIt() {
        String planId = submitAndSolve("aws-tenants-1");

        // A user of another tenant naming the tiny tenant in a header sees nothing of it.
        Answer other = callAs("6472", "GET", "/plans/" + planId, null, "x-formasi-tenant", "9901");
        assertThat(other.status()).isEqualTo(404);
        assertThat(callAs("6472", "GET", "/plans", null, "x-formasi-tenant", "9901").body().get("items"))
                .extracting(item -> item.get("planId").asString()).doesNotContain(planId);
        assertThat(callAs("6472", "GET", "/snapshots/aws-tenants-1", null, "x-formasi-tenant", "9901").status()).isEqualTo(404);
        // A token without the claim gets nothing, whatever the header says.
        Answer none = callAs(null, "GET", "/plans/" + planId, null, "x-formasi-tenant", "9901");
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body().get("message").asString()).contains("custom:tenant");

        // A file in another tenant's folder that claims to be the tiny tenant's is refused.
        ObjectNode disguised = Samples.tiny("aws-tenants-2");
        disguised.put("asOf", "2026-11-01");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(disguised);
        String key = "snapshots/6472/aws-tenants-2.json";
        String version;
        try (S3Client s3 = aws.s3()) {
            version = s3.putObject(put -> put.bucket(resources.settings().bucket()).key(key),
                    RequestBody.fromBytes(bytes)).versionId();
        }
        JsonNode arrival = lambda.snapshotChanged(Lambda.objectCreated(resources.settings().bucket(), key, version));
        assertThat(arrival.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(call("GET", "/plans/" + planId, null).body().get("status").asString()).isEqualTo("SOLVED");
        assertThat(deliverSolveJobs()).isEmpty();
    }
}
