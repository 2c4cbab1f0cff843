package dev.orderflow.domain;

/** A restaurant in the catalog. Its menu is priced in {@code currency}. */
public record Restaurant(String restaurantId, String name, String currency, boolean acceptingOrders) {
}
