package dev.orderflow.domain;

import java.util.List;

/** The order as the client sent it (the body of POST and PUT). Prices never come from here. */
public record OrderRequest(String restaurantId, List<RequestedLine> items, String notes) {

    public OrderRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
