package id.formasi.functions;

import id.formasi.solver.snapshot.Limits;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code formasi.*}.
 *
 * @param backend        {@code local} (files under {@code dataDir}) or {@code aws}
 * @param dataDir        the local backend's data folder
 * @param maxBodyBytes   requests with a larger body get 413
 * @param snapshotBucket the bucket of snapshots (and, on AWS, plan documents); snapshot events carry its name
 * @param tenantClaim    on AWS, the token claim that names the caller's tenant (a region code)
 * @param auth           sign-in: the OpenID provider, the page's client and the groups claim (off when no issuer)
 * @param aws            the AWS backend's table and queue (endpoints, region and credentials are the SDK's own settings)
 */
@ConfigurationProperties("formasi")
public record FormasiProperties(
        @DefaultValue("local") String backend,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("" + Limits.MAX_BYTES) long maxBodyBytes,
        @DefaultValue("formasi-snapshots") String snapshotBucket,
        @DefaultValue("custom:tenant") String tenantClaim,
        @DefaultValue Solve solve,
        @DefaultValue Local local,
        @DefaultValue Auth auth,
        @DefaultValue Aws aws) {

    /**
     * Sign-in with an OpenID provider. With an issuer set, every route but the page, its files and the API's
     * description needs a token, and the groups claim decides the role ({@code api.Access}); on AWS the HTTP
     * API's JWT authorizer checks the token, the local runtime checks it itself. Without one the local runtime
     * stays open.
     *
     * @param issuer      the provider's issuer URL (its {@code /.well-known/openid-configuration} is read)
     * @param clientId    the page's public client, and the token audience accepted ({@code aud} or {@code client_id})
     * @param scopes      what the page asks the provider for
     * @param groupsClaim the token claim holding the person's groups: {@code pengamat}, {@code perencana},
     *                    {@code penyetuju}
     */
    public record Auth(
            @DefaultValue("") String issuer,
            @DefaultValue("") String clientId,
            @DefaultValue("openid email profile") String scopes,
            @DefaultValue("cognito:groups") String groupsClaim) {

        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }

    /**
     * The AWS backend ({@code formasi.backend=aws}); on Lambda set by the template as {@code FORMASI_AWS_TABLE}
     * and {@code FORMASI_AWS_SOLVE_QUEUE_URL}.
     *
     * @param table          the single DynamoDB table
     * @param solveQueueUrl  the SQS queue of solve jobs
     * @param idempotencyTtl how long a handled snapshot event is remembered
     */
    public record Aws(String table, String solveQueueUrl, @DefaultValue("35d") Duration idempotencyTtl) {
    }

    /**
     * @param budget           time budget of a solve when the request names none
     * @param maxBudget        the largest budget a request may ask for
     * @param safetyMargin     kept free of the remaining Lambda time for storing the plan
     * @param progressInterval best-so-far progress is saved at most this often
     * @param maxAttempts      a plan fails for good after this many failed attempts
     * @param leaseGrace       a SOLVING plan is held by its attempt for its budget plus this (loading and storing);
     *                         after that, without a write, the attempt counts as dead and a redelivery retakes it
     */
    public record Solve(
            @DefaultValue("30s") Duration budget,
            @DefaultValue("10m") Duration maxBudget,
            @DefaultValue("20s") Duration safetyMargin,
            @DefaultValue("2s") Duration progressInterval,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("2m") Duration leaseGrace) {
    }

    /**
     * The embedded local runtime.
     *
     * @param runtime whether to start it (HTTP server, queue worker, snapshot watcher) with the application
     * @param sample  a snapshot file copied into the watched folder at start when no snapshot is there yet
     * @param tenant  the tenant of a request without an {@code X-Formasi-Tenant} header (the sample's city)
     */
    public record Local(
            @DefaultValue("true") boolean runtime,
            @DefaultValue("localhost") String host,
            @DefaultValue("8080") int port,
            @DefaultValue("samples/balikpapan.json") Path sample,
            @DefaultValue("5s") Duration retryDelay,
            @DefaultValue("6471") String tenant) {
    }
}
