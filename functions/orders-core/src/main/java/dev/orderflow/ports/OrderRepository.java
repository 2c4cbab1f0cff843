package dev.orderflow.ports;

import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.Pricing;
import dev.orderflow.domain.RejectionReason;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The orders table. Every write is conditional, so that retries, redeliveries and races cannot corrupt an order:
 * <ul>
 *   <li>{@link #record}: a CREATE only if the order does not exist; a REPLACE only on the caller's existing,
 *       not-deleted order and only if newer (receivedAt, then requestId) than the last change applied. Recording
 *       the same change again answers RECORDED with the version it got.</li>
 *   <li>{@link #confirm}, {@link #reject}, {@link #fail}: only for the version in flight, only while PENDING
 *       (or already in that same outcome), never on a deleted order.</li>
 *   <li>{@link #delete}: leaves a tombstone, so a workflow still running can never bring the order back.</li>
 * </ul>
 * Orders are keyed by (userId, orderId): another caller's order is simply not there.
 */
public interface OrderRepository {

    WriteResult record(OrderChange change, Instant now);

    WriteResult confirm(String userId, String orderId, long version, Pricing pricing, Instant now);

    WriteResult reject(String userId, String orderId, long version, List<RejectionReason> reasons, Instant now);

    /**
     * Marks the change FAILED. With a version, only that version; without one (the change was never confirmed
     * recorded) a CREATE is recorded as FAILED if absent, or the same change, if it was recorded after all.
     */
    WriteResult fail(OrderChange change, Long version, Instant now);

    Optional<Order> find(String userId, String orderId);

    /** Deletes the caller's order; false when there was none (absent, already deleted, or not the caller's). */
    boolean delete(String userId, String orderId, Instant now);

    OrderPage list(String userId, OrderQuery query);
}
