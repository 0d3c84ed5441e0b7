package id.formasi.infra.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table's shape, as {@code template.yaml} declares it (the template test holds the two together): keys
 * {@code pk}/{@code sk}, the {@code byTenant} index on {@code gsi1pk}/{@code gsi1sk}, TTL on {@code expiresAt}.
 * Tests create it on emulators with {@link #create}.
 */
public final class Table {

    public static final String PARTITION_KEY = Items.PK;
    public static final String SORT_KEY = Items.SK;
    public static final String INDEX = Items.GSI1;
    public static final String INDEX_PARTITION_KEY = Items.GSI1_PK;
    public static final String INDEX_SORT_KEY = Items.GSI1_SK;
    public static final String TTL_ATTRIBUTE = Items.EXPIRES_AT;

    private Table() {
    }

    public static void create(DynamoDbClient dynamo, String name) {
        dynamo.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PARTITION_KEY), string(SORT_KEY), string(INDEX_PARTITION_KEY),
                        string(INDEX_SORT_KEY))
                .keySchema(key(PARTITION_KEY, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
                        .keySchema(key(INDEX_PARTITION_KEY, KeyType.HASH), key(INDEX_SORT_KEY, KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL)).build()));
        dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(name));
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
