package dev.orderflow.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order as stored and as the orders API shows it to its owner. {@code version} counts the changes applied
 * (1 for the create, +1 for every replace); outcomes are recorded only for the version in flight.
 */
public record Order(String orderId, String userId, OrderStatus status, String restaurantId, List<OrderLine> lines,
                    String notes, Money total, List<RejectionReason> rejectionReasons, Instant createdAt,
                    Instant updatedAt, long version) {

    public Order {
        lines = List.copyOf(lines);
        rejectionReasons = rejectionReasons == null ? List.of() : List.copyOf(rejectionReasons);
    }
}
