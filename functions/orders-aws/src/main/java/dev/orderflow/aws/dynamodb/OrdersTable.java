package dev.orderflow.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The orders table: one item per order, partitioned by the caller ({@code userId}, the token's {@code sub}),
 * sorted by {@code orderId}. The {@code byCreatedAt} index lists a caller's orders newest first; a deleted order
 * loses its {@code createdKey} and so leaves the index, while its tombstone ({@code deletedAt}, expiring through
 * TTL on {@code expiresAt}) stays in the table to keep late workflow writes out.
 */
public final class OrdersTable {

    public static final String USER_ID = "userId";
    public static final String ORDER_ID = "orderId";
    public static final String BY_CREATED_AT_INDEX = "byCreatedAt";
    /** {@code <createdAt>#<orderId>}: sorts by creation time, ties broken by id. */
    public static final String CREATED_KEY = "createdKey";
    public static final String STATUS = "status";
    public static final String RESTAURANT_ID = "restaurantId";
    public static final String LINES = "lines";
    public static final String NOTES = "notes";
    public static final String CURRENCY = "currency";
    public static final String TOTAL_MINOR = "totalMinor";
    public static final String REASONS = "reasons";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String VERSION = "version";
    /** The (receivedAt, requestId) of the last change applied: later changes must sort after it. */
    public static final String CHANGE_RECEIVED_AT = "changeReceivedAt";
    public static final String CHANGE_REQUEST_ID = "changeRequestId";
    public static final String DELETED_AT = "deletedAt";
    /** TTL attribute (epoch seconds); set on tombstones only. */
    public static final String EXPIRES_AT = "expiresAt";

    private OrdersTable() {
    }

    /** The table as the local stack and the tests create it; the Pulumi program declares the same keys. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(USER_ID), attribute(ORDER_ID), attribute(CREATED_KEY))
                .keySchema(key(USER_ID, KeyType.HASH), key(ORDER_ID, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(BY_CREATED_AT_INDEX)
                        .keySchema(key(USER_ID, KeyType.HASH), key(CREATED_KEY, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
