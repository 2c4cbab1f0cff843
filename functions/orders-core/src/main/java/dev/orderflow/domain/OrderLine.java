package dev.orderflow.domain;

/** A line of a stored order. Name and prices are present once the order has been priced (CONFIRMED). */
public record OrderLine(String menuItemId, int quantity, String name, Money unitPrice, Money lineTotal) {

    public static OrderLine requested(RequestedLine line) {
        return new OrderLine(line.menuItemId(), line.quantity(), null, null, null);
    }

    public static OrderLine priced(PricedLine line) {
        return new OrderLine(line.menuItemId(), line.quantity(), line.name(), line.unitPrice(), line.lineTotal());
    }
}
