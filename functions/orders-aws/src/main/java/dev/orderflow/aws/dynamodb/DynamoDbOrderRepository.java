package dev.orderflow.aws.dynamodb;

import dev.orderflow.domain.ChangeKind;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Pricing;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.domain.Timestamps;
import dev.orderflow.ports.OrderPage;
import dev.orderflow.ports.OrderQuery;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.Outcome;
import dev.orderflow.ports.PageCursor;
import dev.orderflow.ports.WriteResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.orderflow.aws.dynamodb.OrderItemMapping.*;
import static dev.orderflow.aws.dynamodb.OrdersTable.*;

/**
 * {@link OrderRepository} on DynamoDB. Each write is one conditional request; when a condition fails, the item
 * as it was ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) tells why, without a second read.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

    /** Tombstones outlive any execution or queued message that could still mention the order. */
    public static final Duration DEFAULT_TOMBSTONE_RETENTION = Duration.ofDays(30);

    static final String CREATE_CONDITION = "attribute_not_exists(#orderId)";

    static final String REPLACE_UPDATE = "SET #status = :pending, #restaurantId = :restaurantId, #lines = :lines, "
            + "#updatedAt = :now, #version = #version + :one, #changeReceivedAt = :receivedAt, "
            + "#changeRequestId = :requestId%s REMOVE #totalMinor, #currency, #reasons%s";
    static final String REPLACE_CONDITION = "attribute_exists(#orderId) AND attribute_not_exists(#deletedAt) AND "
            + "(#changeReceivedAt < :receivedAt OR (#changeReceivedAt = :receivedAt AND #changeRequestId < :requestId))";

    static final String OUTCOME_CONDITION = "#version = :version AND attribute_not_exists(#deletedAt) AND "
            + "(#status = :pending OR #status = :outcome)";
    static final String CONFIRM_UPDATE = "SET #status = :outcome, #lines = :lines, #currency = :currency, "
            + "#totalMinor = :total, #updatedAt = :now REMOVE #reasons";
    static final String REJECT_UPDATE = "SET #status = :outcome, #reasons = :reasons, #updatedAt = :now "
            + "REMOVE #totalMinor, #currency";
    static final String FAIL_UPDATE = "SET #status = :outcome, #updatedAt = :now";

    static final String DELETE_UPDATE = "SET #deletedAt = :now, #expiresAt = :expiresAt, #updatedAt = :now "
            + "REMOVE #createdKey, #lines, #notes, #restaurantId, #totalMinor, #currency, #reasons";
    static final String DELETE_CONDITION = "attribute_exists(#orderId) AND attribute_not_exists(#deletedAt)";

    private static final AttributeValue PENDING = s(OrderStatus.PENDING.name());

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration tombstoneRetention;

    public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, DEFAULT_TOMBSTONE_RETENTION);
    }

    public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String tableName, Duration tombstoneRetention) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.tombstoneRetention = tombstoneRetention;
    }

    @Override
    public WriteResult record(OrderChange change, Instant now) {
        return change.kind() == ChangeKind.CREATE ? create(change, now, OrderStatus.PENDING) : replace(change, now);
    }

    private WriteResult create(OrderChange change, Instant now, OrderStatus status) {
        Instant createdAt = Instant.ofEpochMilli(change.receivedAt());
        Map<String, AttributeValue> item = new HashMap<>(key(change.userId(), change.orderId()));
        item.put(CREATED_KEY, s(createdKey(createdAt, change.orderId())));
        item.put(STATUS, s(status.name()));
        item.put(RESTAURANT_ID, s(change.order().restaurantId()));
        item.put(LINES, requestedLines(change.order().items()));
        if (change.order().notes() != null) {
            item.put(NOTES, s(change.order().notes()));
        }
        item.put(CREATED_AT, s(Timestamps.format(createdAt)));
        item.put(UPDATED_AT, s(Timestamps.format(now)));
        item.put(VERSION, n(1));
        item.put(CHANGE_RECEIVED_AT, n(change.receivedAt()));
        item.put(CHANGE_REQUEST_ID, s(change.requestId()));
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(item)
                    .conditionExpression(CREATE_CONDITION)
                    .expressionAttributeNames(Map.of("#orderId", ORDER_ID))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return WriteResult.of(status == OrderStatus.PENDING ? Outcome.RECORDED : Outcome.FAILED, 1);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            if (old == null || old.isEmpty()) {
                throw new IllegalStateException("create of order " + change.orderId() + " declined, but no item", e);
            }
            if (isDeleted(old)) {
                return WriteResult.declined(Outcome.DELETED);
            }
            return sameChange(old, change) ? WriteResult.of(Outcome.RECORDED, version(old))
                    : WriteResult.declined(Outcome.STALE);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("PutItem", e);
        }
    }

    private WriteResult replace(OrderChange change, Instant now) {
        boolean hasNotes = change.order().notes() != null;
        Map<String, String> names = names(STATUS, RESTAURANT_ID, LINES, UPDATED_AT, VERSION, CHANGE_RECEIVED_AT,
                CHANGE_REQUEST_ID, TOTAL_MINOR, CURRENCY, REASONS, NOTES, ORDER_ID, DELETED_AT);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", PENDING);
        values.put(":restaurantId", s(change.order().restaurantId()));
        values.put(":lines", requestedLines(change.order().items()));
        values.put(":now", s(Timestamps.format(now)));
        values.put(":one", n(1));
        values.put(":receivedAt", n(change.receivedAt()));
        values.put(":requestId", s(change.requestId()));
        if (hasNotes) {
            values.put(":notes", s(change.order().notes()));
        }
        String update = REPLACE_UPDATE.formatted(hasNotes ? ", #notes = :notes" : "", hasNotes ? "" : ", #notes");
        try {
            UpdateItemResponse response = dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(key(change.userId(), change.orderId()))
                    .updateExpression(update)
                    .conditionExpression(REPLACE_CONDITION)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.UPDATED_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return WriteResult.of(Outcome.RECORDED, version(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            if (old == null || old.isEmpty() || isDeleted(old)) {
                return WriteResult.declined(Outcome.NOT_FOUND);
            }
            return sameChange(old, change) ? WriteResult.of(Outcome.RECORDED, version(old))
                    : WriteResult.declined(Outcome.STALE);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", e);
        }
    }

    private static boolean sameChange(Map<String, AttributeValue> item, OrderChange change) {
        AttributeValue requestId = item.get(CHANGE_REQUEST_ID);
        return requestId != null && change.requestId().equals(requestId.s());
    }

    @Override
    public WriteResult confirm(String userId, String orderId, long version, Pricing pricing, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":lines", pricedLines(pricing.lines()));
        values.put(":currency", s(pricing.currency()));
        values.put(":total", n(pricing.total().amountMinor()));
        return writeOutcome(userId, orderId, version, OrderStatus.CONFIRMED, CONFIRM_UPDATE, values,
                names(STATUS, LINES, CURRENCY, TOTAL_MINOR, UPDATED_AT, REASONS, VERSION, DELETED_AT), now);
    }

    @Override
    public WriteResult reject(String userId, String orderId, long version, List<RejectionReason> reasons, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":reasons", reasons(reasons));
        return writeOutcome(userId, orderId, version, OrderStatus.REJECTED, REJECT_UPDATE, values,
                names(STATUS, REASONS, UPDATED_AT, TOTAL_MINOR, CURRENCY, VERSION, DELETED_AT), now);
    }

    @Override
    public WriteResult fail(OrderChange change, Long version, Instant now) {
        if (version != null) {
            return failVersion(change.userId(), change.orderId(), version, now);
        }
        if (change.kind() == ChangeKind.CREATE) {
            WriteResult created = create(change, now, OrderStatus.FAILED);
            if (created.outcome() == Outcome.RECORDED) {
                // The change had been recorded after all (the failure came after the write): fail that version.
                return failVersion(change.userId(), change.orderId(), created.version(), now);
            }
            return created;
        }
        Optional<Map<String, AttributeValue>> current = currentItem(change.userId(), change.orderId());
        if (current.isEmpty() || isDeleted(current.get())) {
            return WriteResult.declined(Outcome.NOT_FOUND);
        }
        if (!sameChange(current.get(), change)) {
            return WriteResult.declined(Outcome.STALE); // never applied: the order keeps its last applied change
        }
        return failVersion(change.userId(), change.orderId(), version(current.get()), now);
    }

    private WriteResult failVersion(String userId, String orderId, long version, Instant now) {
        return writeOutcome(userId, orderId, version, OrderStatus.FAILED, FAIL_UPDATE, new HashMap<>(),
                names(STATUS, UPDATED_AT, VERSION, DELETED_AT), now);
    }

    private WriteResult writeOutcome(String userId, String orderId, long version, OrderStatus outcome, String update,
                                     Map<String, AttributeValue> values, Map<String, String> names, Instant now) {
        values.put(":outcome", s(outcome.name()));
        values.put(":pending", PENDING);
        values.put(":version", n(version));
        values.put(":now", s(Timestamps.format(now)));
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(key(userId, orderId))
                    .updateExpression(update)
                    .conditionExpression(OUTCOME_CONDITION)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return WriteResult.of(Outcome.valueOf(outcome.name()), version);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            return WriteResult.declined(old == null || old.isEmpty() || isDeleted(old) ? Outcome.DELETED : Outcome.STALE);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", e);
        }
    }

    @Override
    public Optional<Order> find(String userId, String orderId) {
        return currentItem(userId, orderId).filter(item -> !isDeleted(item)).map(OrderItemMapping::toOrder);
    }

    private Optional<Map<String, AttributeValue>> currentItem(String userId, String orderId) {
        try {
            GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder()
                    .tableName(tableName)
                    .key(key(userId, orderId))
                    .consistentRead(true)
                    .build());
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("GetItem", e);
        }
    }

    @Override
    public boolean delete(String userId, String orderId, Instant now) {
        Map<String, AttributeValue> values = Map.of(
                ":now", s(Timestamps.format(now)),
                ":expiresAt", n(now.plus(tombstoneRetention).getEpochSecond()));
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(key(userId, orderId))
                    .updateExpression(DELETE_UPDATE)
                    .conditionExpression(DELETE_CONDITION)
                    .expressionAttributeNames(names(DELETED_AT, EXPIRES_AT, UPDATED_AT, CREATED_KEY, LINES, NOTES,
                            RESTAURANT_ID, TOTAL_MINOR, CURRENCY, REASONS, ORDER_ID))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", e);
        }
    }

    @Override
    public OrderPage list(String userId, OrderQuery query) {
        List<Order> orders = new ArrayList<>(query.limit());
        Map<String, AttributeValue> startKey = query.after().map(cursor -> startKey(userId, cursor)).orElse(null);
        do {
            QueryResponse response = queryPage(userId, query, query.limit() - orders.size(), startKey);
            for (Map<String, AttributeValue> item : response.items()) {
                orders.add(toOrder(item));
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && orders.size() < query.limit());
        return new OrderPage(orders, Optional.ofNullable(startKey).map(DynamoDbOrderRepository::cursor));
    }

    private QueryResponse queryPage(String userId, OrderQuery query, int limit, Map<String, AttributeValue> startKey) {
        Map<String, String> names = new HashMap<>(names(USER_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":userId", s(userId)));
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(BY_CREATED_AT_INDEX)
                .keyConditionExpression("#userId = :userId")
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey);
        query.status().ifPresent(status -> {
            names.put("#status", STATUS);
            values.put(":status", s(status.name()));
            request.filterExpression("#status = :status");
        });
        try {
            return dynamoDb.query(request.expressionAttributeNames(names).expressionAttributeValues(values).build());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("Query", e);
        }
    }

    private static Map<String, AttributeValue> startKey(String userId, PageCursor cursor) {
        return Map.of(
                USER_ID, s(userId),
                ORDER_ID, s(cursor.orderId()),
                CREATED_KEY, s(createdKey(cursor.createdAt(), cursor.orderId())));
    }

    private static PageCursor cursor(Map<String, AttributeValue> lastEvaluatedKey) {
        String createdKey = lastEvaluatedKey.get(CREATED_KEY).s();
        String createdAt = createdKey.substring(0, createdKey.indexOf('#'));
        return new PageCursor(Timestamps.parse(createdAt), lastEvaluatedKey.get(ORDER_ID).s());
    }

    private static Map<String, String> names(String... attributes) {
        Map<String, String> names = new HashMap<>();
        for (String attribute : attributes) {
            names.put("#" + attribute, attribute);
        }
        return names;
    }
}
