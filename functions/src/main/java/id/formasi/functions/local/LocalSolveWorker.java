package id.formasi.functions.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.formasi.functions.FormasiProperties;
import id.formasi.functions.FunctionEvents;
import id.formasi.functions.planning.SolveService;
import id.formasi.infra.PlanRecord;
import id.formasi.infra.SolveJob;
import id.formasi.infra.local.LocalSolveQueue;
import id.formasi.solver.snapshot.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's part of Lambda's SQS event source mapping: receives solve jobs, hands them to
 * {@code solve} as SQS events, deletes what did not fail, and after the last failed delivery hands the job to
 * {@code solveFailed}, as the dead-letter queue's consumer gets it on AWS.
 */
final class LocalSolveWorker {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSolveWorker.class);
    private static final String QUEUE_ARN = "arn:aws:sqs:local:000000000000:formasi-solve";
    private static final String DEAD_LETTER_ARN = "arn:aws:sqs:local:000000000000:formasi-solve-dlq";
    /** After an error outside the functions (e.g. a full disk), wait before the next receive: never spin. */
    private static final Duration PAUSE_AFTER_ERROR = Duration.ofSeconds(1);

    private final LocalSolveQueue queue;
    private final FormasiProperties properties;
    private final FunctionEvents functions;

    LocalSolveWorker(LocalSolveQueue queue, FormasiProperties properties, FunctionEvents functions) {
        this.queue = queue;
        this.properties = properties;
        this.functions = functions;
    }

    /**
     * At start: plans a previous run left SOLVING go back to QUEUED, and a pending plan whose job is not in the
     * queue (its message file was damaged and set aside) gets its job again. Every job ends.
     */
    void recover(SolveService solves) {
        List<PlanRecord> pending = solves.interruptedLocally();
        Set<String> queued = queue.bodies().stream().map(LocalSolveWorker::planOf).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        for (PlanRecord plan : pending) {
            if (!queued.contains(plan.planId())) {
                LOG.info("plan {} is QUEUED without a job in the queue: sent again", plan.planId());
                queue.send(new SolveJob(plan.planId()));
            }
        }
    }

    private static Optional<String> planOf(String body) {
        try {
            return Optional.ofNullable(Json.MAPPER.readValue(body, SolveJob.class).planId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    void work(java.util.function.BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try {
                Optional<LocalSolveQueue.Message> received = queue.receive(Duration.ofSeconds(1));
                if (received.isPresent()) {
                    deliver(received.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("solve worker: {}", e.getClass().getName());
                try {
                    Thread.sleep(PAUSE_AFTER_ERROR.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deliver(LocalSolveQueue.Message message) {
        SQSBatchResponse response = invoke("solve", toEvent(message, QUEUE_ARN));
        boolean failed = response.getBatchItemFailures() != null && response.getBatchItemFailures().stream()
                .anyMatch(failure -> message.messageId().equals(failure.getItemIdentifier()));
        if (!failed) {
            queue.delete(message.messageId());
        } else if (message.receiveCount() >= properties.solve().maxAttempts() + 1) {
            LOG.error("solve message {} failed {} times: dead-lettered", message.messageId(), message.receiveCount());
            SQSBatchResponse dead = invoke("solveFailed", toEvent(message, DEAD_LETTER_ARN));
            if (dead.getBatchItemFailures() == null || dead.getBatchItemFailures().isEmpty()) {
                queue.delete(message.messageId());
            } else {
                queue.release(message, properties.local().retryDelay());
            }
        } else {
            queue.release(message, properties.local().retryDelay());
        }
    }

    private SQSBatchResponse invoke(String function, SQSEvent event) {
        return FunctionEvents.batchResponse(functions.invoke(function, FunctionEvents.json(event), null));
    }

    /** The SQS event Lambda's event source mapping would deliver for the message. */
    private static SQSEvent toEvent(LocalSolveQueue.Message message, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.messageId());
        record.setBody(message.body());
        record.setAttributes(Map.of(
                "ApproximateReceiveCount", Integer.toString(message.receiveCount()),
                "SentTimestamp", Long.toString(message.sentAt().toEpochMilli()),
                "SenderId", "local",
                "ApproximateFirstReceiveTimestamp", Long.toString(Instant.now().toEpochMilli())));
        record.setMessageAttributes(Map.of());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion("local");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
