package dev.orderflow.domain;

/** PENDING -> CONFIRMED | REJECTED | FAILED. A replace sends an order back to PENDING with a new version. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
