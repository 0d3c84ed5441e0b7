package id.formasi.infra.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the AWS backend keeps things. Endpoints, region and credentials are not here: the SDK reads them
 * from its standard settings ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3}, ...).
 *
 * @param bucket         the versioned bucket of snapshots ({@code snapshots/}) and plan documents ({@code plans/})
 * @param table          the single DynamoDB table (plans, snapshots, idempotency records)
 * @param solveQueueUrl  the SQS queue of solve jobs
 * @param idempotencyTtl how long a handled event is remembered (DynamoDB TTL removes it after)
 */
public record AwsSettings(String bucket, String table, String solveQueueUrl, Duration idempotencyTtl) {

    public AwsSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(solveQueueUrl, "solveQueueUrl");
        idempotencyTtl = idempotencyTtl == null ? Duration.ofDays(35) : idempotencyTtl;
    }
}
