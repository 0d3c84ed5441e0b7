package id.formasi.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.formasi.infra.SolveJob;
import id.formasi.solver.snapshot.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Idempotency records in DynamoDB, solve jobs on SQS with a dead-letter queue. */
@AwsIntegration
class AwsEventsTest {

    @Test
    void aDuplicateEventIsClaimedOnce(AwsEnvironment aws) {
        AwsSettings settings = aws.create("idempotency").settings();
        DynamoIdempotencyStore store = aws.backend(settings).idempotency();
        String event = "bucket/snapshots/s1.json/version-1";
        assertTrue(store.claim(event));
        assertFalse(store.claim(event), "the duplicate delivery");
        assertTrue(store.outcome(event).isEmpty());
        store.release(event);
        assertTrue(store.claim(event), "after a failure the redelivery tries again");
        store.complete(event, "RECOMPUTE_QUEUED");
        assertFalse(store.claim(event));
        assertEquals("RECOMPUTE_QUEUED", store.outcome(event).orElseThrow());
        assertTrue(store.claim("bucket/snapshots/s1.json/version-2"), "another version is another event");

        // A claim whose handler died is taken again once it cannot be running any more: after snapshotChanged's
        // 120 s timeout, and before Lambda's last retry of the event (3 minutes after its first failure).
        try (var dynamo = aws.dynamo()) {
            Clock whileItMayRun = Clock.fixed(Instant.now().plusSeconds(120), ZoneOffset.UTC);
            assertFalse(new DynamoIdempotencyStore(dynamo, settings.table(), Duration.ofDays(35), whileItMayRun)
                    .claim("bucket/snapshots/s1.json/version-2"));
            Clock lastRetry = Clock.fixed(Instant.now().plusSeconds(180), ZoneOffset.UTC);
            assertTrue(new DynamoIdempotencyStore(dynamo, settings.table(), Duration.ofDays(35), lastRetry)
                    .claim("bucket/snapshots/s1.json/version-2"));
            Clock later = Clock.fixed(Instant.now().plus(DynamoIdempotencyStore.IN_PROGRESS_FOR).plusSeconds(60),
                    ZoneOffset.UTC);
            DynamoIdempotencyStore afterCrash = new DynamoIdempotencyStore(dynamo, settings.table(), Duration.ofDays(35), later);
            assertFalse(afterCrash.claim(event), "completed records stay until their TTL");
        }
    }

    @Test
    void aJobThatFailsThreeTimesLandsInTheDeadLetterQueue(AwsEnvironment aws) {
        AwsEnvironment.Resources resources = aws.create("queue");
        AwsBackend backend = aws.backend(resources.settings());
        backend.queue().send(new SolveJob("p1"));
        try (SqsClient sqs = aws.sqs()) {
            String queue = resources.settings().solveQueueUrl();
            for (int attempt = 1; attempt <= AwsEnvironment.MAX_RECEIVE_COUNT; attempt++) {
                Message message = receive(sqs, queue, 10);
                assertEquals(new SolveJob("p1"), Json.MAPPER.readValue(message.body(), SolveJob.class));
                assertEquals(Integer.toString(attempt),
                        message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                // The solve failed: the message is not deleted and comes back when its visibility ends.
                sqs.changeMessageVisibility(change -> change.queueUrl(queue).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
            // The next receive moves it to the DLQ (SQS redrive after maxReceiveCount).
            assertTrue(sqs.receiveMessage(receive -> receive.queueUrl(queue).waitTimeSeconds(1)).messages().isEmpty());
            Message dead = receive(sqs, resources.deadLetterQueueUrl(), 10);
            assertEquals(new SolveJob("p1"), Json.MAPPER.readValue(dead.body(), SolveJob.class));
        }
    }

    static Message receive(SqsClient sqs, String queue, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queue).waitTimeSeconds(1)
                    .maxNumberOfMessages(1).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages();
            if (!messages.isEmpty()) {
                return messages.getFirst();
            }
        }
        throw new AssertionError("no message on " + queue);
    }
}
