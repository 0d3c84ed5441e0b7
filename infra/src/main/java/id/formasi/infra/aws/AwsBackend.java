package id.formasi.infra.aws;

import java.util.function.Consumer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The AWS implementation of every port, over one bucket, one table and one queue. */
public record AwsBackend(S3SnapshotStore snapshots, DynamoSnapshotCatalog catalog, DynamoPlanStore plans,
        SqsSolveQueue queue, DynamoIdempotencyStore idempotency) {

    public static AwsBackend create(AwsSettings settings, S3Client s3, DynamoDbClient dynamo, SqsClient sqs) {
        return new AwsBackend(new S3SnapshotStore(s3, settings.bucket()),
                new DynamoSnapshotCatalog(dynamo, settings.table()),
                new DynamoPlanStore(dynamo, settings.table(), s3, settings.bucket()),
                new SqsSolveQueue(sqs, settings.solveQueueUrl()),
                new DynamoIdempotencyStore(dynamo, settings.table(), settings.idempotencyTtl()));
    }

    /**
     * The S3 client as Lambda uses it: URLConnection HTTP client, region, credentials and endpoint from the
     * SDK's standard settings. {@code extra} is for test wiring (plain-http emulators), production passes none.
     */
    public static S3Client s3(Consumer<S3ClientBuilder> extra) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        extra.accept(builder);
        return builder.build();
    }

    public static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }
}
