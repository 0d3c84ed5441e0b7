package id.formasi.functions;

import id.formasi.infra.IdempotencyStore;
import id.formasi.infra.PlanStore;
import id.formasi.infra.SnapshotCatalog;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.SolveQueue;
import id.formasi.infra.SnapshotUploads;
import id.formasi.infra.aws.AwsBackend;
import id.formasi.infra.aws.AwsSettings;
import id.formasi.infra.aws.S3SnapshotUploads;
import id.formasi.infra.local.LocalBackend;
import id.formasi.infra.local.LocalSnapshotUploads;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The ports' implementation, chosen by {@code formasi.backend}: {@code local} (files) or {@code aws}. */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

    /** The backend's ports, whichever implements them. */
    record Ports(SnapshotStore snapshots, SnapshotCatalog catalog, PlanStore plans, SolveQueue queue,
            IdempotencyStore idempotency) {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "formasi.backend", havingValue = "local", matchIfMissing = true)
    static class Local {

        @Bean
        LocalBackend localBackend(FormasiProperties properties) {
            return LocalBackend.open(properties.dataDir(), properties.snapshotBucket());
        }

        @Bean
        LocalSnapshotUploads snapshotUploads(Clock clock) {
            return new LocalSnapshotUploads(clock);
        }

        @Bean
        Ports ports(LocalBackend backend) {
            return new Ports(backend.snapshots(), backend.catalog(), backend.plans(), backend.queue(),
                    backend.idempotency());
        }
    }

    /**
     * AWS SDK v2 clients on the URLConnection HTTP client; region, credentials and endpoints are the SDK's
     * standard settings (on Lambda: the function's role and region). A test may add an S3 client setting
     * through a {@code Consumer<S3ClientBuilder>} bean (plain-http emulators); production has none.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "formasi.backend", havingValue = "aws")
    static class Aws {

        @Bean(destroyMethod = "close")
        S3Client s3Client(ObjectProvider<Consumer<S3ClientBuilder>> s3Settings) {
            return AwsBackend.s3(builder -> s3Settings.orderedStream().forEach(setting -> setting.accept(builder)));
        }

        @Bean(destroyMethod = "close")
        DynamoDbClient dynamoDbClient() {
            return AwsBackend.dynamo();
        }

        @Bean(destroyMethod = "close")
        SqsClient sqsClient() {
            return AwsBackend.sqs();
        }

        @Bean
        AwsBackend awsBackend(FormasiProperties properties, S3Client s3, DynamoDbClient dynamo, SqsClient sqs) {
            FormasiProperties.Aws aws = properties.aws();
            if (aws.table() == null || aws.solveQueueUrl() == null) {
                throw new IllegalStateException("formasi.backend=aws needs formasi.aws.table and"
                        + " formasi.aws.solve-queue-url (FORMASI_AWS_TABLE, FORMASI_AWS_SOLVE_QUEUE_URL)");
            }
            return AwsBackend.create(new AwsSettings(properties.snapshotBucket(), aws.table(), aws.solveQueueUrl(),
                    aws.idempotencyTtl()), s3, dynamo, sqs);
        }

        /** Presigns with the S3 client's own region, credentials and endpoint settings. */
        @Bean(destroyMethod = "close")
        S3Presigner s3Presigner(S3Client s3) {
            return S3Presigner.builder().s3Client(s3).build();
        }

        @Bean
        SnapshotUploads snapshotUploads(S3Presigner presigner, FormasiProperties properties) {
            return new S3SnapshotUploads(presigner, properties.snapshotBucket());
        }

        @Bean
        Ports ports(AwsBackend backend) {
            return new Ports(backend.snapshots(), backend.catalog(), backend.plans(), backend.queue(),
                    backend.idempotency());
        }
    }

    @Bean
    SnapshotStore snapshotStore(Ports ports) {
        return ports.snapshots();
    }

    @Bean
    SnapshotCatalog snapshotCatalog(Ports ports) {
        return ports.catalog();
    }

    @Bean
    PlanStore planStore(Ports ports) {
        return ports.plans();
    }

    @Bean
    SolveQueue solveQueue(Ports ports) {
        return ports.queue();
    }

    @Bean
    IdempotencyStore idempotencyStore(Ports ports) {
        return ports.idempotency();
    }
}
