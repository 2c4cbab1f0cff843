package dev.orderflow.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The states one order passes through on the happy path of a workflow definition: from {@code StartAt}, each
 * state's {@code Next}, a Choice's first rule (in the order workflow, the outcome that goes on: RECORDED, then
 * valid), until a state that ends. Standard workflows bill one state transition per state entered.
 */
public record WorkflowPath(List<String> states, List<String> lambdaTasks) {

    public static final String ORDER_WORKFLOW = "/orderflow/statemachine/order-workflow.asl.json";

    public static WorkflowPath orderWorkflow() {
        try (InputStream in = WorkflowPath.class.getResourceAsStream(ORDER_WORKFLOW)) {
            if (in == null) {
                throw new IllegalStateException(ORDER_WORKFLOW + " is not on the class path");
            }
            return happyPath(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkflowPath happyPath(JsonNode definition) {
        List<String> states = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String name = definition.path("StartAt").asText();
        while (name != null && !name.isEmpty()) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("the happy path loops at " + name);
            }
            JsonNode state = definition.path("States").path(name);
            if (state.isMissingNode()) {
                throw new IllegalArgumentException("no state " + name);
            }
            states.add(name);
            String type = state.path("Type").asText();
            if (type.equals("Task") && state.path("Resource").asText().contains(":lambda:")) {
                tasks.add(name);
            }
            if (state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) {
                break;
            }
            name = type.equals("Choice") ? state.path("Choices").path(0).path("Next").asText()
                    : state.path("Next").asText();
        }
        return new WorkflowPath(List.copyOf(states), List.copyOf(tasks));
    }

    public int transitions() {
        return states.size();
    }
}
