package dev.orderflow.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reserved {@code $states} variable a JSONata state sees: its input, the task result (in Output and Assign
 * after success), the error output (in a catcher) and the context object with the execution input.
 */
record StatesBinding(String stateName, JsonNode executionInput, JsonNode input, JsonNode result, JsonNode errorOutput) {

    /** Entering {@code stateName} with {@code input}, in an execution started with {@code executionInput}. */
    static StatesBinding entering(String stateName, JsonNode executionInput, JsonNode input) {
        return new StatesBinding(stateName, executionInput, input, null, null);
    }

    StatesBinding withResult(JsonNode taskResult) {
        return new StatesBinding(stateName, executionInput, input, taskResult, null);
    }

    StatesBinding withErrorOutput(JsonNode error) {
        return new StatesBinding(stateName, executionInput, input, null, error);
    }

    JsonNode toJson() {
        ObjectNode states = OrderWorkflow.JSON.createObjectNode();
        states.set("input", input);
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        ObjectNode context = states.putObject("context");
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:eu-west-1:123456789012:execution:orderflow-orders:sample");
        execution.put("Name", "sample");
        execution.put("StartTime", "2026-01-01T00:00:00.000Z");
        execution.set("Input", executionInput);
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", "2026-01-01T00:00:01.000Z");
        ObjectNode stateMachine = context.putObject("StateMachine");
        stateMachine.put("Id", "arn:aws:states:eu-west-1:123456789012:stateMachine:orderflow-orders");
        stateMachine.put("Name", "orderflow-orders");
        return states;
    }
}
