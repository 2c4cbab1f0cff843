package dev.orderflow.domain;

/** A dish on one restaurant's menu, with its current price. */
public record MenuItem(String restaurantId, String menuItemId, String name, Money price, boolean available) {
}
