package dev.orderflow.domain;

/** Machine-readable reasons an order is rejected. Clients may switch on these; the messages are for humans. */
public enum ReasonCode {
    NO_ITEMS,
    TOO_MANY_ITEMS,
    RESTAURANT_NOT_FOUND,
    RESTAURANT_NOT_ACCEPTING_ORDERS,
    MENU_ITEM_NOT_FOUND,
    MENU_ITEM_UNAVAILABLE,
    QUANTITY_OUT_OF_RANGE,
    NOTES_TOO_LONG,
    TOTAL_OUT_OF_RANGE
}
