package id.formasi.functions;

import java.util.Map;
import java.util.Set;

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
    static final String INDEX = "table/index/byTenant";
    static final String QUEUE = "queue";

    record Grant(String action, String resource) {
    }

    /**
     * s3:ListBucket is not called by an adapter: without it S3 answers a missing key with 403 instead of 404,
     * and the adapters read "missing" from the 404.
     */
    static final Map<String, Set<Grant>> FUNCTIONS = Map.of(
            "api", Set.of(
                    new Grant("s3:PutObject", SNAPSHOTS),
                    new Grant("s3:GetObject", SNAPSHOTS),
                    new Grant("s3:GetObjectVersion", SNAPSHOTS),
                    new Grant("s3:GetObject", PLANS),
                    new Grant("s3:DeleteObject", PLANS),
                    new Grant("s3:ListBucket", BUCKET),
                    new Grant("dynamodb:GetItem", TABLE),
                    new Grant("dynamodb:PutItem", TABLE),
                    new Grant("dynamodb:DeleteItem", TABLE),
                    new Grant("dynamodb:Query", INDEX),
                    new Grant("sqs:SendMessage", QUEUE)),
            "solveFailed", Set.of(
                    new Grant("dynamodb:GetItem", TABLE),
                    new Grant("dynamodb:PutItem", TABLE)),
            "solve", Set.of(
                    new Grant("s3:GetObject", SNAPSHOTS),
                    new Grant("s3:GetObjectVersion", SNAPSHOTS),
                    new Grant("s3:GetObject", PLANS),
                    new Grant("s3:PutObject", PLANS),
                    new Grant("s3:ListBucket", BUCKET),
                    new Grant("dynamodb:GetItem", TABLE),
                    new Grant("dynamodb:PutItem", TABLE)),
            "snapshotChanged", Set.of(
                    new Grant("s3:PutObject", SNAPSHOTS),
                    new Grant("s3:GetObject", SNAPSHOTS),
                    new Grant("s3:GetObjectVersion", SNAPSHOTS),
                    new Grant("s3:ListBucket", BUCKET),
                    new Grant("dynamodb:GetItem", TABLE),
                    new Grant("dynamodb:PutItem", TABLE),
                    new Grant("dynamodb:DeleteItem", TABLE),
                    new Grant("dynamodb:Query", INDEX),
                    new Grant("sqs:SendMessage", QUEUE)));

    private AwsPermissions() {
    }
}
