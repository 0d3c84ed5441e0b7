package id.formasi.infra.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS-compatible services of one test JVM, started once: LocalStack through Testcontainers where a
 * Docker engine is; otherwise S3 on Adobe S3Mock (a JVM of its own, see {@link S3Mock}), SQS on ElasticMQ
 * (embedded) and DynamoDB on dynalite (a node process, see {@link Dynalite}). Production code never sees an endpoint: tests hand the
 * SDK its standard settings ({@link #sdkSettings()}) or build clients here.
 */
public final class AwsEnvironment {

    public enum Target { AUTO, EMULATORS, LOCALSTACK }

    /** Where the services are. */
    public record Endpoints(String name, URI s3, URI dynamodb, URI sqs, String region, String accessKey,
            String secretKey) {
    }

    /** A bucket, table and queue (with its DLQ, after 3 receives) of one test. */
    public record Resources(AwsSettings settings, String deadLetterQueueUrl) {
    }

    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";
    public static final int MAX_RECEIVE_COUNT = 3;

    private static final Map<Target, Endpoints> STARTED = new ConcurrentHashMap<>();

    private final Endpoints endpoints;

    private AwsEnvironment(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The services for a test asking for {@code requested}; started on first use. */
    public static synchronized AwsEnvironment get(Target requested) {
        Target target = resolve(requested);
        return new AwsEnvironment(STARTED.computeIfAbsent(target, AwsEnvironment::start));
    }

    static Target resolve(Target requested) {
        String forced = Optional.ofNullable(System.getProperty("formasi.aws.target"))
                .orElse(System.getenv("FORMASI_AWS_TARGET"));
        Target target = requested;
        if (forced != null && !forced.isBlank()) {
            target = Target.valueOf(forced.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (target == Target.AUTO) {
            target = dockerAvailable() ? Target.LOCALSTACK : Target.EMULATORS;
        }
        return target;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public String name() {
        return endpoints.name();
    }

    // --- clients, as tests build them

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoints.s3());
        plainHttp(builder);
        return common(builder).build();
    }

    public DynamoDbClient dynamo() {
        return common(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoints.dynamodb())).build();
    }

    public SqsClient sqs() {
        return common(SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoints.sqs())).build();
    }

    /**
     * What plain-http S3 emulators need (test wiring only): no aws-chunked uploads, checksums only where
     * S3 requires them, path-style addressing.
     */
    public static void plainHttp(S3ClientBuilder builder) {
        builder.forcePathStyle(true)
                .serviceConfiguration(config -> config.chunkedEncodingEnabled(false))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B common(B builder) {
        return builder.region(Region.of(endpoints.region())).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(endpoints.accessKey(), endpoints.secretKey())));
    }

    /**
     * The SDK's standard settings (system properties) that point clients built the production way at these
     * services: region, credentials, one endpoint per service.
     */
    public Map<String, String> sdkSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("aws.region", endpoints.region());
        settings.put("aws.accessKeyId", endpoints.accessKey());
        settings.put("aws.secretAccessKey", endpoints.secretKey());
        settings.put("aws.endpointUrlS3", endpoints.s3().toString());
        settings.put("aws.endpointUrlDynamoDb", endpoints.dynamodb().toString());
        settings.put("aws.endpointUrlSqs", endpoints.sqs().toString());
        settings.put("aws.requestChecksumCalculation", "WHEN_REQUIRED");
        settings.put("aws.responseChecksumValidation", "WHEN_REQUIRED");
        return settings;
    }

    // --- resources

    /** A fresh versioned bucket, table and queue with its DLQ, named after the test. */
    public Resources create(String prefix) {
        String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(java.util.Locale.ROOT);
        try (S3Client s3 = s3(); DynamoDbClient dynamo = dynamo(); SqsClient sqs = sqs()) {
            s3.createBucket(create -> create.bucket(name));
            s3.putBucketVersioning(versioning -> versioning.bucket(name)
                    .versioningConfiguration(config -> config.status(BucketVersioningStatus.ENABLED)));
            Table.create(dynamo, name);
            String dlq = sqs.createQueue(create -> create.queueName(name + "-dlq")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(get -> get.queueUrl(dlq)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String queue = sqs.createQueue(create -> create.queueName(name).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}")))
                    .queueUrl();
            return new Resources(new AwsSettings(name, name, queue, Duration.ofDays(35)), dlq);
        }
    }

    /** The backend's adapters over fresh resources, with clients built here. */
    public AwsBackend backend(AwsSettings settings) {
        return AwsBackend.create(settings, s3(), dynamo(), sqs());
    }

    // --- starting

    private static Endpoints start(Target target) {
        return target == Target.LOCALSTACK ? startLocalStack() : startEmulators();
    }

    private static Endpoints startLocalStack() {
        LocalStackContainer localStack = new LocalStackContainer(LOCALSTACK_IMAGE).withServices("s3", "sqs", "dynamodb");
        localStack.start();
        Runtime.getRuntime().addShutdownHook(new Thread(localStack::stop));
        URI endpoint = localStack.getEndpoint();
        return new Endpoints("localstack", endpoint, endpoint, endpoint, localStack.getRegion(),
                localStack.getAccessKey(), localStack.getSecretKey());
    }

    private static Endpoints startEmulators() {
        try {
            URI s3 = S3Mock.start();

            int sqsPort = freePort();
            SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(sqsPort)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, ""))
                    .withAWSRegion("ap-southeast-3").start();
            elasticMq.waitUntilStarted();
            Runtime.getRuntime().addShutdownHook(new Thread(elasticMq::stopAndWait));

            URI dynamodb = Dynalite.start();
            return new Endpoints("emulators", s3, dynamodb,
                    URI.create("http://127.0.0.1:" + sqsPort), "ap-southeast-3", "test", "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Resolves {@link AwsEnvironment} parameters; disables a LocalStack-only class where Docker is missing. */
    public static final class Extension implements ParameterResolver, ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Target target = resolve(requested(context));
            if (target == Target.LOCALSTACK && !dockerAvailable()) {
                return ConditionEvaluationResult.disabled("LocalStack asked for, and no Docker engine here");
            }
            return ConditionEvaluationResult.enabled("on " + target);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == AwsEnvironment.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(requested(context));
        }

        private static Target requested(ExtensionContext context) {
            return context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, AwsIntegration.class))
                    .map(AwsIntegration::value).orElse(Target.AUTO);
        }
    }
}
