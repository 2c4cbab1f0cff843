package dev.orderflow.bench;

import dev.orderflow.aws.dynamodb.OrdersTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * When each order reached its final status, read afterwards from the orders table: the order's {@code updatedAt},
 * which persist-order stamps (milliseconds, from the same clock as this JVM's) as it records CONFIRMED. Reading after
 * the run, with BatchGetItem, keeps the measurement out of the measured path (no polling GETs competing with the
 * orders); the figure is when the confirming write was issued, so it is early by that one write's duration.
 */
final class Confirmations {

    /** An order's final state as the table holds it. */
    record Outcome(String orderId, String status, Instant updatedAt) {
        boolean confirmed() {
            return "CONFIRMED".equals(status);
        }
    }

    private static final int BATCH = 100;
    private static final Duration POLL = Duration.ofMillis(250);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String userId;

    Confirmations(DynamoDbClient dynamoDb, String table, String userId) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.userId = userId;
    }

    /**
     * Waits until every order has a final status (not PENDING, not missing), or the deadline passes; returns what
     * was found, final or not.
     */
    Map<String, Outcome> await(List<String> orderIds, Duration timeout) {
        Map<String, Outcome> done = new HashMap<>();
        List<String> open = new ArrayList<>(orderIds);
        Instant deadline = Instant.now().plus(timeout);
        while (!open.isEmpty()) {
            List<String> still = new ArrayList<>();
            for (int from = 0; from < open.size(); from += BATCH) {
                List<String> batch = open.subList(from, Math.min(open.size(), from + BATCH));
                Map<String, Outcome> found = read(batch);
                for (String id : batch) {
                    Outcome outcome = found.get(id);
                    if (outcome != null && !"PENDING".equals(outcome.status())) {
                        done.put(id, outcome);
                    } else {
                        still.add(id);
                    }
                }
            }
            open = still;
            if (open.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return done;
    }

    private Map<String, Outcome> read(List<String> orderIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : orderIds) {
            keys.add(Map.of(OrdersTable.USER_ID, AttributeValue.fromS(userId),
                    OrdersTable.ORDER_ID, AttributeValue.fromS(id)));
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true)
                .projectionExpression("#o, #s, #u")
                .expressionAttributeNames(Map.of("#o", OrdersTable.ORDER_ID, "#s", OrdersTable.STATUS,
                        "#u", OrdersTable.UPDATED_AT))
                .build());
        BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(request));
        Map<String, Outcome> found = new HashMap<>();
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
            String id = item.get(OrdersTable.ORDER_ID).s();
            found.put(id, new Outcome(id, item.get(OrdersTable.STATUS).s(),
                    Instant.parse(item.get(OrdersTable.UPDATED_AT).s())));
        }
        KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
        if (unprocessed != null && unprocessed.hasKeys() && !unprocessed.keys().isEmpty()) { // throttled: ask again
            found.putAll(read(unprocessed.keys().stream().map(k -> k.get(OrdersTable.ORDER_ID).s()).toList()));
        }
        return found;
    }
}
