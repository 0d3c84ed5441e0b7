package id.formasi.infra.aws;

import static id.formasi.infra.aws.Items.s;

import id.formasi.infra.AlreadyExistsException;
import id.formasi.infra.SnapshotCatalog;
import id.formasi.infra.SnapshotInfo;
import id.formasi.infra.VersionConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** One item per snapshot ({@code SNAPSHOT#<id>}), listed per tenant through the {@code byTenant} index. */
public record DynamoSnapshotCatalog(DynamoDbClient dynamo, String table) implements SnapshotCatalog {

    static final String SORT = "SNAPSHOT";

    @Override
    public Optional<SnapshotInfo> get(String snapshotId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key("SNAPSHOT#" + snapshotId, SORT))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.body(item, SnapshotInfo.class));
    }

    @Override
    public void put(SnapshotInfo info, String expectedVersionId) {
        Map<String, AttributeValue> item = Items.key("SNAPSHOT#" + info.snapshotId(), SORT);
        item.put(Items.GSI1_PK, s("TENANT#" + info.tenant()));
        item.put(Items.GSI1_SK, s("SNAPSHOT#" + info.asOf() + "#" + info.storedAt() + "#" + info.snapshotId()));
        item.put("versionId", s(info.versionId()));
        Items.putBody(item, info);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (expectedVersionId == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("versionId = :expected")
                    .expressionAttributeValues(Map.of(":expected", s(expectedVersionId)));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            if (expectedVersionId == null) {
                throw new AlreadyExistsException("snapshot " + info.snapshotId());
            }
            throw new VersionConflictException("snapshot " + info.snapshotId());
        }
    }

    @Override
    public List<SnapshotInfo> byTenant(String tenant) {
        List<SnapshotInfo> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":tenant", s("TENANT#" + tenant));
            values.put(":prefix", s("SNAPSHOT#"));
            QueryResponse page = dynamo.query(query -> query.tableName(table).indexName(Items.GSI1)
                    .keyConditionExpression("gsi1pk = :tenant AND begins_with(gsi1sk, :prefix)")
                    .expressionAttributeValues(values).exclusiveStartKey(from));
            page.items().forEach(item -> found.add(Items.body(item, SnapshotInfo.class)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        found.sort(SnapshotInfo.ORDER);
        return found;
    }
}
