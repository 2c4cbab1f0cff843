package dev.orderflow.domain;

/** One line as the client asked for it: a menu item and a quantity, no price. */
public record RequestedLine(String menuItemId, int quantity) {
}
