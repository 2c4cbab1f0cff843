package dev.orderflow.domain;

import java.util.Objects;

/**
 * A change accepted by the API and queued for the workflow: the queue message and the execution input.
 * {@code receivedAt} (epoch milliseconds at the gateway) and then {@code requestId} order the changes to one
 * order, so that a late, older replace never overwrites a newer one.
 */
public record OrderChange(String orderId, String userId, ChangeKind kind, long receivedAt, String requestId,
                          OrderRequest order) {

    public OrderChange {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(order, "order");
    }

    /** True when this change comes after the one identified by (receivedAt, requestId). */
    public boolean isNewerThan(long otherReceivedAt, String otherRequestId) {
        if (receivedAt != otherReceivedAt) {
            return receivedAt > otherReceivedAt;
        }
        return requestId.compareTo(otherRequestId) > 0;
    }
}
