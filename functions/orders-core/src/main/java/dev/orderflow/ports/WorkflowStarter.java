package dev.orderflow.ports;

import dev.orderflow.domain.OrderChange;

/** Starts the order workflow for a queued change. */
public interface WorkflowStarter {

    enum Started {
        STARTED,
        ALREADY_STARTED
    }

    /**
     * Starts one execution for the change, named by {@link dev.orderflow.domain.ExecutionName}, with
     * {@code input} (the queue message, verbatim) as its input. An execution that already exists for the same
     * change counts as started. Anything else throws.
     */
    Started start(OrderChange change, String input);
}
