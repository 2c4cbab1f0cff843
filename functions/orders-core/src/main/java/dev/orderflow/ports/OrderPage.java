package dev.orderflow.ports;

import dev.orderflow.domain.Order;

import java.util.List;
import java.util.Optional;

/** A page of orders and, when there may be more, where the next page starts. */
public record OrderPage(List<Order> orders, Optional<PageCursor> next) {

    public OrderPage {
        orders = List.copyOf(orders);
    }
}
