package id.formasi.functions;

import id.formasi.infra.aws.Table;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each function may do on AWS, as template.yaml must grant it: the calls its adapters make (the AWS
 * end-to-end test records them and checks they are all here) and nothing more (the template test checks the
 * template grants exactly this). Resources by role: the bucket's two prefixes, the table, its index, the queue.
 */
final class AwsPermissions {

    static final String SNAPSHOTS = "bucket/snapshots/*";
    static final String PLANS = "bucket/plans/*";
    static final String BUCKET = "bucket";
    static final String TABLE = "table";
    static final String INDEX = TABLE + "/index/" + Table.INDEX;
    static final String QUEUE = "queue";

    record Grant(String action, String resource) {
    }

    /**
     * Reading snapshots. s3:ListBucket is not called by an adapter: without it S3 answers a missing key with 403
     * instead of 404, and the adapters read "missing" from the 404.
     */
    private static final Set<Grant> READ_SNAPSHOTS = Set.of(new Grant("s3:GetObject", SNAPSHOTS),
            new Grant("s3:GetObjectVersion", SNAPSHOTS), new Grant("s3:ListBucket", BUCKET));
    /** Reading and writing plan records, by key. */
    private static final Set<Grant> RECORDS = Set.of(new Grant("dynamodb:GetItem", TABLE),
            new Grant("dynamodb:PutItem", TABLE));
    /** Taking a snapshot in: storing it, the tenant's plans by index, claiming (and releasing) an event, queueing. */
    private static final Set<Grant> TAKE_SNAPSHOTS = union(READ_SNAPSHOTS, RECORDS,
            Set.of(new Grant("s3:PutObject", SNAPSHOTS), new Grant("dynamodb:DeleteItem", TABLE),
                    new Grant("dynamodb:Query", INDEX), new Grant("sqs:SendMessage", QUEUE)));

    static final Map<String, Set<Grant>> FUNCTIONS = Map.of(
            "api", union(TAKE_SNAPSHOTS,
                    Set.of(new Grant("s3:GetObject", PLANS), new Grant("s3:DeleteObject", PLANS))),
            "solveFailed", RECORDS,
            "solve", union(READ_SNAPSHOTS, RECORDS,
                    Set.of(new Grant("s3:GetObject", PLANS), new Grant("s3:PutObject", PLANS))),
            "snapshotChanged", TAKE_SNAPSHOTS);

    @SafeVarargs
    private static Set<Grant> union(Set<Grant>... parts) {
        return Stream.of(parts).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    private AwsPermissions() {
    }
}
