package id.formasi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.formasi.functions.api.HttpApi;
import id.formasi.functions.planning.PlanService;
import id.formasi.functions.planning.SnapshotArrivals;
import id.formasi.functions.planning.SolveService;
import id.formasi.infra.SolveJob;
import id.formasi.solver.Planning;
import id.formasi.solver.snapshot.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * The three functions. Each bean only translates its event and hands it to a service; the same beans run on
 * Lambda and under the local runtime, both through {@link FunctionEvents}.
 */
@SpringBootApplication
@EnableConfigurationProperties(FormasiProperties.class)
public class FormasiApplication {

    private static final Logger LOG = LoggerFactory.getLogger(FormasiApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(FormasiApplication.class, args);
    }

    /** One solver front door per container: its SolverFactory is costly and must not be rebuilt per request. */
    @Bean
    Planning planning() {
        return new Planning();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api(HttpApi api) {
        return api::handle;
    }

    /** Solves each job; a job that fails and is worth another try is reported back, alone. */
    @Bean
    public Function<Message<SQSEvent>, SQSBatchResponse> solve(SolveService service) {
        return message -> {
            Optional<Duration> remaining = Optional.ofNullable(message.getHeaders().get("aws-context"))
                    .filter(Context.class::isInstance).map(Context.class::cast)
                    .map(context -> Duration.ofMillis(context.getRemainingTimeInMillis()));
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            List<SQSEvent.SQSMessage> records = message.getPayload().getRecords();
            for (SQSEvent.SQSMessage record : records == null ? List.<SQSEvent.SQSMessage>of() : records) {
                try {
                    SolveJob job = Json.MAPPER.readValue(record.getBody(), SolveJob.class);
                    if (job.planId() != null && PlanService.PLAN_ID.matcher(job.planId()).matches()) {
                        MDC.put("planId", job.planId());
                    }
                    int attempt = receiveCount(record);
                    if (service.solve(job.planId(), attempt, remaining) == SolveService.Outcome.RETRY) {
                        failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                    }
                } catch (RuntimeException e) {
                    LOG.error("solve message {} failed: {}", record.getMessageId(), e.getClass().getName());
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                } finally {
                    MDC.remove("planId");
                }
            }
            return new SQSBatchResponse(failures);
        };
    }

    /**
     * The solve dead-letter queue's consumer: a job that never ended (the function timed out or stopped three
     * times) fails its plan with the reason, so that no plan stays SOLVING.
     */
    @Bean
    public Function<SQSEvent, SQSBatchResponse> solveFailed(SolveService service) {
        return event -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage record : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
                try {
                    String planId = Json.MAPPER.readValue(record.getBody(), SolveJob.class).planId();
                    if (planId == null) {
                        LOG.warn("dead-lettered message {} names no plan", record.getMessageId());
                    } else {
                        service.deadLettered(planId);
                    }
                } catch (tools.jackson.core.JacksonException e) {
                    // Not a solve job: nothing to mark; it is logged and dropped.
                    LOG.warn("dead-lettered message {} is not a solve job", record.getMessageId());
                } catch (RuntimeException e) {
                    LOG.error("dead-lettered message {}: {}", record.getMessageId(), e.getClass().getName());
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };
    }

    @Bean
    public Function<S3ObjectCreated, SnapshotArrivals.Result> snapshotChanged(SnapshotArrivals arrivals) {
        return event -> {
            if (event == null || event.detail() == null || event.detail().object() == null
                    || event.detail().bucket() == null) {
                return new SnapshotArrivals.Result(SnapshotArrivals.Outcome.IGNORED, null, null, 0, 0);
            }
            var object = event.detail().object();
            // EventBridge keys are URL-encoded, as in S3 notifications.
            String key = URLDecoder.decode(object.key(), StandardCharsets.UTF_8);
            String version = object.versionId() != null ? object.versionId() : object.etag();
            return arrivals.arrived(event.detail().bucket().name(), key, version);
        };
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        try {
            return record.getAttributes() == null ? 1
                    : Integer.parseInt(record.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
