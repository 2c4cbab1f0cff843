package dev.orderflow.domain;

/** A line priced from the catalog: {@code lineTotal = unitPrice x quantity}. */
public record PricedLine(String menuItemId, String name, int quantity, Money unitPrice, Money lineTotal) {
}
