package id.formasi.functions;

import id.formasi.infra.IdempotencyStore;
import id.formasi.infra.PlanStore;
import id.formasi.infra.SnapshotCatalog;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.SolveQueue;
import id.formasi.infra.local.LocalBackend;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports' implementation, chosen by {@code formasi.backend}. */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

    @Bean
    LocalBackend localBackend(FormasiProperties properties) {
        if (!"local".equals(properties.backend())) {
            // The AWS adapters (S3, DynamoDB, SQS) are a later issue; fail at start, not on the first request.
            throw new IllegalStateException("formasi.backend=" + properties.backend() + " is not available yet; use local");
        }
        return LocalBackend.open(properties.dataDir(), properties.snapshotBucket());
    }

    @Bean
    SnapshotStore snapshotStore(LocalBackend backend) {
        return backend.snapshots();
    }

    @Bean
    SnapshotCatalog snapshotCatalog(LocalBackend backend) {
        return backend.catalog();
    }

    @Bean
    PlanStore planStore(LocalBackend backend) {
        return backend.plans();
    }

    @Bean
    SolveQueue solveQueue(LocalBackend backend) {
        return backend.queue();
    }

    @Bean
    IdempotencyStore idempotencyStore(LocalBackend backend) {
        return backend.idempotency();
    }
}
