package dev.orderflow.local.security;

import dev.orderflow.local.stack.LocalStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a request can leave behind in the stack: the messages in the orders queue (visible, in flight and delayed)
 * and every item the given callers have in the orders table (tombstones included), read consistently. Two equal
 * footprints, taken before and after a request, mean it enqueued nothing and stored nothing for those callers. With
 * the poller stopped, anything enqueued stays in the queue, so the queue depth alone tells.
 */
record Footprint(int queued, List<Map<String, AttributeValue>> items) {

    private static final List<QueueAttributeName> DEPTH = List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    static Footprint of(LocalStack stack, String... userIds) {
        return new Footprint(queued(stack), Stream.of(userIds).flatMap(userId -> items(stack, userId).stream()).toList());
    }

    static int queued(LocalStack stack) {
        return stack.sqs().client().getQueueAttributes(r -> r.queueUrl(stack.endpoints().queueUrl()).attributeNames(DEPTH))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    static List<Map<String, AttributeValue>> items(LocalStack stack, String userId) {
        return stack.dynamoDb().client().queryPaginator(r -> r.tableName(LocalStack.ORDERS_TABLE)
                        .consistentRead(true)
                        .keyConditionExpression("userId = :userId")
                        .expressionAttributeValues(Map.of(":userId", AttributeValue.fromS(userId))))
                .items().stream().toList();
    }

    /**
     * Waits until the queue is empty, then stops the poller: from then on a message enqueued stays in the queue, and
     * {@link #queued} sees it.
     */
    static void stopThePollerOnceTheQueueIsEmpty(LocalStack stack) {
        Await.until("the queue to be empty", () -> queued(stack) == 0);
        stack.poller().stop();
    }

    /** Whether the workflow has decided the caller's order: its item is there, and no longer PENDING. */
    static boolean decided(LocalStack stack, String userId, String orderId) {
        AttributeValue status = item(stack, userId, orderId).get("status");
        return status != null && !"PENDING".equals(status.s());
    }

    /** The caller's item for one order, or an empty map. */
    static Map<String, AttributeValue> item(LocalStack stack, String userId, String orderId) {
        return stack.dynamoDb().client().getItem(r -> r.tableName(LocalStack.ORDERS_TABLE).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(userId), "orderId", AttributeValue.fromS(orderId)))).item();
    }
}
