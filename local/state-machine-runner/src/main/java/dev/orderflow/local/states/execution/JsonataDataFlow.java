package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.ChoiceRule;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.jsonata.JsonataExpressions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSONata data flow: Arguments and Output are evaluated with {@code $states} ({@code input}, {@code context},
 * and {@code result} or {@code errorOutput} when there is one) and the workflow variables.
 */
final class JsonataDataFlow implements DataFlow {

    private final StateVisit visit;
    private final State.Io io;
    private final ObjectNode context;

    JsonataDataFlow(StateVisit visit) {
        this.visit = visit;
        this.io = visit.state().common().io();
        this.context = visit.context();
    }

    @Override
    public JsonNode effectiveInput() {
        return visit.input();
    }

    @Override
    public JsonNode arguments() {
        return io.arguments().map(arguments -> evaluate(arguments, "Arguments", states(null, null)))
                .orElse(visit.input());
    }

    @Override
    public Optional<JsonNode> passResult(State.Pass pass) {
        return Optional.empty();
    }

    @Override
    public JsonNode selectResult(JsonNode result) {
        return result;
    }

    @Override
    public JsonNode output(JsonNode result) {
        return io.output().map(output -> evaluate(output, "Output", states("result", result))).orElse(result);
    }

    @Override
    public JsonNode passThrough(Optional<JsonNode> outputField) {
        return outputField.or(io::output).map(output -> evaluate(output, "Output", states(null, null)))
                .orElse(visit.input());
    }

    @Override
    public Map<String, JsonNode> assignments(Optional<JsonNode> assign, Optional<JsonNode> result) {
        return assign.map(fields -> assigned(fields, states("result", result.orElse(null)))).orElse(Map.of());
    }

    @Override
    public Caught caught(State.Catcher catcher, StatesError error) {
        ObjectNode states = states("errorOutput", error.errorOutput());
        JsonNode output = catcher.output().map(o -> evaluate(o, "Output", states)).orElse(error.errorOutput());
        return new Caught(output, catcher.assign().map(fields -> assigned(fields, states)).orElse(Map.of()));
    }

    @Override
    public JsonNode field(JsonNode value, String location) {
        return evaluate(value, location, states(null, null));
    }

    @Override
    public Optional<JsonNode> pathValue(String path) {
        throw new IllegalStateException("JSONata states have no ...Path fields: " + path);
    }

    @Override
    public JsonNode pathOrCall(String expression, String field) {
        throw new IllegalStateException("JSONata states have no ...Path fields: " + field);
    }

    @Override
    public JsonNode items(State.Map map) {
        if (map.items().isEmpty()) {
            return visit.input();
        }
        JsonNode items = evaluate(map.items().get(), "Items", states(null, null));
        if (!items.isArray()) {
            String expression = JsonataExpressions.expressionIn(map.items().get())
                    .map(String::strip).orElse(Json.write(map.items().get()));
            throw visit.evaluationError(new JsonataExpressions.JsonataFailure("The JSONata expression '" + expression
                    + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
                    + Json.typeName(items) + "' for value: " + Json.write(items), "Items"));
        }
        return items;
    }

    @Override
    public JsonNode itemInput(State.Map map, int index, JsonNode item) {
        if (map.itemSelector().isEmpty()) {
            return item;
        }
        ObjectNode states = Json.object();
        states.set("input", visit.input());
        states.set("context", ContextObject.withMapItem(context, index, item));
        return evaluate(map.itemSelector().get(), "ItemSelector", states);
    }

    @Override
    public boolean matches(ChoiceRule rule, String location) {
        if (!(rule instanceof ChoiceRule.Condition(JsonNode condition))) {
            throw new IllegalStateException("JSONata Choice rules are Conditions");
        }
        JsonNode value = evaluate(condition, location, states(null, null));
        if (!value.isBoolean()) {
            throw visit.evaluationError(new JsonataExpressions.JsonataFailure("The field '" + location
                    + "' must evaluate to a boolean, but was: " + Json.write(value), location));
        }
        return value.booleanValue();
    }

    private Map<String, JsonNode> assigned(JsonNode fields, ObjectNode states) {
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        fields.properties().forEach(e -> assigned.put(e.getKey(), evaluate(e.getValue(), "Assign/" + e.getKey(), states)));
        return assigned;
    }

    private ObjectNode states(String extraName, JsonNode extra) {
        ObjectNode states = Json.object();
        states.set("input", visit.input());
        states.set("context", context);
        if (extraName != null && extra != null) {
            states.set(extraName, extra);
        }
        return states;
    }

    private JsonNode evaluate(JsonNode field, String location, ObjectNode states) {
        try {
            return JsonataExpressions.evaluate(field, location,
                    new JsonataExpressions.Bindings(states, visit.strand().variables(), visit.strand().now()));
        } catch (JsonataExpressions.JsonataFailure e) {
            throw visit.evaluationError(e);
        }
    }
}
