package dev.orderflow.domain;

/** What a queued change does: {@code POST /orders} creates, {@code PUT /orders/{orderId}} replaces. */
public enum ChangeKind {
    CREATE,
    REPLACE
}
