package id.formasi.infra.aws;

import static id.formasi.infra.aws.Items.n;
import static id.formasi.infra.aws.Items.s;

import id.formasi.infra.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Handled events as items {@code IDEMPOTENCY#<sha256 of the key>}: a claim is a conditional put. A claim whose
 * handler died (no complete, no release) can be taken again after {@link #IN_PROGRESS_FOR}: longer than
 * {@code snapshotChanged} may run (120 s), shorter than the wait before Lambda's second retry of an event
 * (3 minutes after the first failure), so a retry retakes what a crashed invocation held. Completed records go
 * after the TTL ({@code expiresAt}, DynamoDB's TTL attribute).
 */
public record DynamoIdempotencyStore(DynamoDbClient dynamo, String table, Duration ttl, Clock clock)
        implements IdempotencyStore {

    static final String SORT = "IDEMPOTENCY";
    public static final Duration IN_PROGRESS_FOR = Duration.ofSeconds(150);
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table, Duration ttl) {
        this(dynamo, table, ttl, Clock.systemUTC());
    }

    @Override
    public boolean claim(String key) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = Items.key(pk(key), SORT);
        item.put("state", s(IN_PROGRESS));
        item.put("inProgressUntil", n(now + IN_PROGRESS_FOR.toSeconds()));
        item.put(Items.EXPIRES_AT, n(now + ttl.toSeconds()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :inProgress AND inProgressUntil < :now)"
                            + " OR expiresAt < :now")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now))).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void complete(String key, String outcome) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = Items.key(pk(key), SORT);
        item.put("state", s(COMPLETED));
        item.put("outcome", s(outcome));
        item.put(Items.EXPIRES_AT, n(now + ttl.toSeconds()));
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(delete -> delete.tableName(table).key(Items.key(pk(key), SORT)));
    }

    @Override
    public Optional<String> outcome(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key(pk(key), SORT))).item();
        if (item == null || item.isEmpty() || !COMPLETED.equals(item.get("state").s())) {
            return Optional.empty();
        }
        return Optional.of(item.get("outcome").s());
    }

    /** Event keys are bucket/key/version: hashed, so no object key (which might name a person) is stored. */
    private static String pk(String key) {
        try {
            return "IDEMPOTENCY#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
