package id.formasi.infra.aws;

import static id.formasi.infra.aws.Items.n;
import static id.formasi.infra.aws.Items.s;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.PlanRecord;
import id.formasi.solver.plan.PlanStatus;
import id.formasi.infra.PlanStore;
import id.formasi.infra.VersionConflictException;
import id.formasi.solver.plan.PlanDocument;
import id.formasi.solver.snapshot.Json;
import id.formasi.solver.snapshot.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Plan records as items {@code PLAN#<id>} whose {@code version} attribute guards every write (a conditional
 * put); the audit trail is part of the record, so a decision and its audit entry are one write. Listed per
 * tenant (and snapshot) through the {@code byTenant} index. Solved documents are S3 objects
 * {@code plans/<tenant>/<planId>.json} in the snapshot bucket.
 */
public record DynamoPlanStore(DynamoDbClient dynamo, String table, S3Client s3, String bucket) implements PlanStore {

    static final String SORT = "PLAN";
    private static final ObjectWriter COMPACT = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void create(PlanRecord plan) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(plan.atVersion(1)))
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException e) {
            throw new AlreadyExistsException("plan " + plan.planId());
        }
    }

    @Override
    public Optional<PlanRecord> get(String planId) {
        if (!Limits.isPlanId(planId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key("PLAN#" + planId, SORT))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.body(item, PlanRecord.class));
    }

    @Override
    public PlanRecord replace(long expectedVersion, PlanRecord next) {
        PlanRecord stored = next.atVersion(expectedVersion + 1);
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(stored))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build());
            return stored;
        } catch (ConditionalCheckFailedException e) {
            long current = get(next.planId()).map(PlanRecord::version).orElse(-1L);
            throw new VersionConflictException("plan " + next.planId(), expectedVersion, current);
        }
    }

    @Override
    public List<PlanRecord> list(String tenant, String snapshotId, PlanStatus status) {
        List<PlanRecord> found = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (tenant != null) {
            values.put(":tenant", s("TENANT#" + tenant));
            values.put(":prefix", s(snapshotId == null ? "PLAN#" : "PLAN#" + snapshotId + "#"));
            pages(start -> {
                var page = dynamo.query(query -> query.tableName(table).indexName(Items.GSI1)
                        .keyConditionExpression("gsi1pk = :tenant AND begins_with(gsi1sk, :prefix)")
                        .expressionAttributeValues(values).exclusiveStartKey(start));
                page.items().forEach(item -> found.add(Items.body(item, PlanRecord.class)));
                return page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            });
        } else {
            // Across tenants (no function lists so: each asks for its caller's tenant): a filtered scan.
            values.put(":sort", s(SORT));
            pages(start -> {
                var page = dynamo.scan(scan -> scan.tableName(table).filterExpression("sk = :sort")
                        .expressionAttributeValues(values).exclusiveStartKey(start));
                page.items().forEach(item -> found.add(Items.body(item, PlanRecord.class)));
                return page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            });
        }
        return PlanStore.matching(found, tenant, snapshotId, status);
    }

    @Override
    public void delete(String planId, long expectedVersion) {
        PlanRecord plan = get(planId).orElseThrow(() -> new VersionConflictException("plan " + planId));
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(Items.key("PLAN#" + planId, SORT))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("plan " + planId);
        }
        // The record first: a document without its record is never read.
        s3.deleteObject(delete -> delete.bucket(bucket).key(documentKey(plan)));
    }

    @Override
    public void putDocument(String planId, PlanDocument document) {
        PlanRecord plan = get(planId).orElseThrow(() -> new IllegalStateException("no plan " + planId));
        s3.putObject(put -> put.bucket(bucket).key(documentKey(plan)).contentType("application/json"),
                RequestBody.fromBytes(COMPACT.writeValueAsBytes(document)));
    }

    @Override
    public Optional<PlanDocument> document(String planId) {
        Optional<PlanRecord> plan = get(planId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = s3.getObjectAsBytes(get -> get.bucket(bucket).key(documentKey(plan.get()))).asByteArray();
            return Optional.of(Json.MAPPER.readValue(bytes, PlanDocument.class));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Where a plan's document is: per tenant, so a tenant's data can be granted, exported or removed alone. */
    public static String documentKey(PlanRecord plan) {
        return "plans/" + plan.tenant() + "/" + plan.planId() + ".json";
    }

    private Map<String, AttributeValue> item(PlanRecord plan) {
        Map<String, AttributeValue> item = Items.key("PLAN#" + plan.planId(), SORT);
        item.put("version", n(plan.version()));
        item.put("status", s(plan.status().name()));
        item.put(Items.GSI1_PK, s("TENANT#" + plan.tenant()));
        item.put(Items.GSI1_SK, s("PLAN#" + plan.snapshotId() + "#" + plan.createdAt() + "#" + plan.planId()));
        Items.putBody(item, plan);
        return item;
    }

    private static void pages(Function<Map<String, AttributeValue>, Map<String, AttributeValue>> page) {
        Map<String, AttributeValue> start = null;
        do {
            start = page.apply(start);
            if (start != null && start.isEmpty()) {
                start = null;
            }
        } while (start != null);
    }
}
