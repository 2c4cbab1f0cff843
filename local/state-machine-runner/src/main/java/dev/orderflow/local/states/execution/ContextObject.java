package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The context object ({@code $$} in JSONPath, {@code $states.context} in JSONata): the execution, the state
 * machine, the current state, and inside a Map's ItemSelector the current item.
 */
final class ContextObject {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ContextObject() {
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static ObjectNode of(ExecutionScope scope, String stateName, Instant enteredTime, Integer retryCount) {
        ObjectNode context = Json.object();
        context.set("Execution", scope.contextExecution());
        context.set("StateMachine", scope.contextStateMachine());
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", timestamp(enteredTime));
        if (retryCount != null) {
            state.put("RetryCount", retryCount);
        }
        return context;
    }

    /** The context object inside a Map state's ItemSelector: with {@code Map.Item.Index} and {@code Value}. */
    static ObjectNode withMapItem(ObjectNode context, int index, JsonNode value) {
        ObjectNode copy = Json.object();
        copy.setAll(context);
        ObjectNode item = copy.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value);
        return copy;
    }
}
