package dev.orderflow.local.chaos;

/** Where an accepted order ended, as the accounting finds it. */
enum Outcome {
    CONFIRMED, REJECTED, FAILED,
    /** Deleted by its caller: a tombstone in the table. */
    DELETED,
    /** Not final in the table, but its message waits in the dead-letter queue. */
    DLQ,
    /** None of the above: absent or still PENDING, with nothing in the dead-letter queue. */
    LOST
}
