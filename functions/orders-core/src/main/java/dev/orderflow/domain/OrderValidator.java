package dev.orderflow.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an order against the catalog and prices it. Pure: no I/O, the menu is handed in.
 *
 * <p>Rules: the restaurant exists and accepts orders; 1..50 lines; every menu item exists at that restaurant
 * and is available; quantity 1..20 per menu item; notes at most 500 characters. <b>Duplicate lines</b> (the same
 * menu item twice) are merged into one line, in the position of the first, with the quantities added; the
 * merged quantity must still be within 1..20. Prices and the total come from the catalog only. Every problem is
 * reported, not just the first.
 */
public final class OrderValidator {

    public static final int MAX_LINES = 50;
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 20;
    public static final int MAX_NOTES_LENGTH = 500;

    public Validation validate(OrderRequest order, Optional<Menu> menu) {
        List<RejectionReason> reasons = new ArrayList<>(checkShape(order));
        if (menu.isEmpty()) {
            reasons.add(RejectionReason.of(ReasonCode.RESTAURANT_NOT_FOUND,
                    "Restaurant '" + order.restaurantId() + "' does not exist."));
            return new Validation.Rejected(reasons);
        }
        Restaurant restaurant = menu.get().restaurant();
        if (!restaurant.acceptingOrders()) {
            reasons.add(RejectionReason.of(ReasonCode.RESTAURANT_NOT_ACCEPTING_ORDERS,
                    restaurant.name() + " is not accepting orders right now."));
        }
        List<OrderableLine> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> line : mergeDuplicates(order.items()).entrySet()) {
            checkLine(menu.get(), line.getKey(), line.getValue(), reasons).ifPresent(lines::add);
        }
        if (!reasons.isEmpty()) {
            return new Validation.Rejected(reasons);
        }
        return price(restaurant.currency(), lines);
    }

    /** A line that passed every check: a menu item on offer and a quantity in range, not yet priced. */
    private record OrderableLine(String menuItemId, MenuItem item, int quantity) {
    }

    private static List<RejectionReason> checkShape(OrderRequest order) {
        List<RejectionReason> reasons = new ArrayList<>();
        if (order.items().isEmpty()) {
            reasons.add(RejectionReason.of(ReasonCode.NO_ITEMS, "An order needs at least one item."));
        }
        if (order.items().size() > MAX_LINES) {
            reasons.add(RejectionReason.of(ReasonCode.TOO_MANY_ITEMS,
                    "An order has at most " + MAX_LINES + " lines; this one has " + order.items().size() + "."));
        }
        if (order.notes() != null && order.notes().length() > MAX_NOTES_LENGTH) {
            reasons.add(RejectionReason.of(ReasonCode.NOTES_TOO_LONG,
                    "Notes are at most " + MAX_NOTES_LENGTH + " characters; these have " + order.notes().length() + "."));
        }
        return reasons;
    }

    /** The documented duplicate rule: one line per menu item, quantities added, first position kept. */
    static Map<String, Integer> mergeDuplicates(List<RequestedLine> items) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (RequestedLine line : items) {
            merged.merge(line.menuItemId(), line.quantity(), OrderValidator::addQuantities);
        }
        return merged;
    }

    /** A line below the minimum stays out of range once merged: a negative line must not net off another. */
    private static int addQuantities(int a, int b) {
        if (a < MIN_QUANTITY || b < MIN_QUANTITY) {
            return Math.min(a, b);
        }
        return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
    }

    private static Optional<OrderableLine> checkLine(Menu menu, String menuItemId, int quantity,
                                                     List<RejectionReason> reasons) {
        Optional<MenuItem> found = menu.item(menuItemId);
        if (found.isEmpty()) {
            reasons.add(RejectionReason.forItem(ReasonCode.MENU_ITEM_NOT_FOUND, menuItemId,
                    "Menu item '" + menuItemId + "' is not on the menu of " + menu.restaurant().name() + "."));
            return Optional.empty();
        }
        MenuItem item = found.get();
        boolean valid = true;
        if (!item.available()) {
            reasons.add(RejectionReason.forItem(ReasonCode.MENU_ITEM_UNAVAILABLE, menuItemId,
                    item.name() + " is not available right now."));
            valid = false;
        }
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            reasons.add(RejectionReason.forItem(ReasonCode.QUANTITY_OUT_OF_RANGE, menuItemId,
                    "Quantity of " + item.name() + " must be between " + MIN_QUANTITY + " and " + MAX_QUANTITY
                            + " (duplicate lines are added up); got " + quantity + "."));
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new OrderableLine(menuItemId, item, quantity));
    }

    /** Line totals and the total, all inside the guard: a price times a quantity can overflow as well as a sum. */
    private static Validation price(String currency, List<OrderableLine> lines) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        Money total = Money.zero(currency);
        try {
            for (OrderableLine line : lines) {
                MenuItem item = line.item();
                Money lineTotal = item.price().times(line.quantity());
                priced.add(new PricedLine(line.menuItemId(), item.name(), line.quantity(), item.price(), lineTotal));
                total = total.plus(lineTotal);
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            return new Validation.Rejected(List.of(RejectionReason.of(ReasonCode.TOTAL_OUT_OF_RANGE,
                    "The order total cannot be computed: " + e.getMessage())));
        }
        return new Validation.Priced(new Pricing(currency, priced, total));
    }
}
