package dev.orderflow.ports;

import dev.orderflow.domain.OrderStatus;

import java.util.Optional;

/** One page of a caller's orders: at most {@code limit}, newest first, optionally one status only. */
public record OrderQuery(int limit, Optional<OrderStatus> status, Optional<PageCursor> after) {
}
