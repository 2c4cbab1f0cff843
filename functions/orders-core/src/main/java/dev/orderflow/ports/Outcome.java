package dev.orderflow.ports;

/**
 * What a workflow write did. Only {@code RECORDED}, {@code CONFIRMED}, {@code REJECTED} and {@code FAILED} wrote
 * anything; the others are the conditional write declining, each for its reason.
 */
public enum Outcome {
    /** The change was applied (or had already been: a retry of the same change). */
    RECORDED,
    CONFIRMED,
    REJECTED,
    FAILED,
    /** A replace for an order that does not exist, was deleted, or belongs to someone else. */
    NOT_FOUND,
    /** The order was deleted: it stays deleted. */
    DELETED,
    /** A newer change has been applied since; this one changes nothing. */
    STALE
}
