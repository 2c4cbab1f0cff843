package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;

/** Performs the work of a Task state: calls what its Resource names with the state's arguments. */
public interface TaskInvoker {

    /**
     * Invokes the resource once.
     *
     * @param arguments      the evaluated Parameters or Arguments
     * @param deadlineMillis when the task times out (epoch millis), for the callee's remaining-time
     * @return the task's result
     * @throws StatesError when the task fails
     */
    JsonNode invoke(TaskResource resource, JsonNode arguments, long deadlineMillis);
}
