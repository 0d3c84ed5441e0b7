package id.formasi.infra.aws;

import id.formasi.infra.SolveJob;
import id.formasi.infra.SolveQueue;
import id.formasi.solver.snapshot.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.SerializationFeature;

/** Solve jobs as SQS messages; Lambda's event source mapping delivers them to {@code solve}. */
public record SqsSolveQueue(SqsClient sqs, String queueUrl) implements SolveQueue {

    @Override
    public void send(SolveJob job) {
        String body = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(job);
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
    }

    public String queueUrl() {
        return queueUrl;
    }
}
