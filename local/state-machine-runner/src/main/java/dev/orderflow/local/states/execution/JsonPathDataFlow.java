package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.ChoiceRule;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.jsonpath.JsonPathScope;
import dev.orderflow.local.states.jsonpath.JsonPaths;
import dev.orderflow.local.states.jsonpath.PayloadTemplate;
import dev.orderflow.local.states.jsonpath.ReferencePath;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSONPath data flow: InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath. */
final class JsonPathDataFlow implements DataFlow {

    private final StateVisit visit;
    private final State.Io io;
    private final JsonPathScope scope;
    private JsonNode effectiveInput;

    JsonPathDataFlow(StateVisit visit) {
        this.visit = visit;
        this.io = visit.state().common().io();
        this.scope = new JsonPathScope(visit.input(), visit.context(), visit.strand().variables());
    }

    @Override
    public JsonNode effectiveInput() {
        if (effectiveInput == null) {
            effectiveInput = io.inputPath().map(path -> select(path, visit.input())).orElseGet(Json::object);
        }
        return effectiveInput;
    }

    @Override
    public JsonNode arguments() {
        return io.parameters().map(template -> template(template, effectiveInput())).orElseGet(this::effectiveInput);
    }

    @Override
    public Optional<JsonNode> passResult(State.Pass pass) {
        return Optional.of(pass.result().orElseGet(this::arguments));
    }

    @Override
    public JsonNode selectResult(JsonNode result) {
        return io.resultSelector().map(template -> template(template, result)).orElse(result);
    }

    @Override
    public JsonNode output(JsonNode selected) {
        JsonNode combined = io.resultPath().map(path -> withResult(path, visit.input(), selected)).orElse(visit.input());
        return io.outputPath().map(path -> select(path, combined)).orElseGet(Json::object);
    }

    @Override
    public JsonNode passThrough(Optional<JsonNode> outputField) {
        return io.outputPath().map(path -> select(path, effectiveInput())).orElseGet(Json::object);
    }

    @Override
    public Map<String, JsonNode> assignments(Optional<JsonNode> assign, Optional<JsonNode> result) {
        if (assign.isEmpty()) {
            return Map.of();
        }
        JsonNode values = template(assign.get(), result.orElseGet(this::effectiveInput));
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        values.properties().forEach(e -> assigned.put(e.getKey(), e.getValue()));
        return assigned;
    }

    @Override
    public Caught caught(State.Catcher catcher, StatesError error) {
        ObjectNode errorOutput = error.errorOutput();
        JsonNode output = catcher.resultPath().map(path -> withResult(path, visit.input(), errorOutput))
                .orElse(visit.input());
        return new Caught(output, assignments(catcher.assign(), Optional.of(errorOutput)));
    }

    @Override
    public JsonNode field(JsonNode value, String location) {
        return value;
    }

    @Override
    public Optional<JsonNode> pathValue(String path) {
        try {
            return Optional.of(scope.withInput(effectiveInput()).resolve(path));
        } catch (JsonPaths.PathNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public JsonNode pathOrCall(String expression, String field) {
        try {
            return PayloadTemplate.dynamicValue(field, expression, scope.withInput(effectiveInput()));
        } catch (PayloadTemplate.TemplateFailure e) {
            throw visit.runtimeError(e.getMessage());
        }
    }

    @Override
    public JsonNode items(State.Map map) {
        return map.itemsPath().map(path -> select(path, effectiveInput())).orElseGet(this::effectiveInput);
    }

    @Override
    public JsonNode itemInput(State.Map map, int index, JsonNode item) {
        if (map.itemSelector().isEmpty()) {
            return item;
        }
        JsonPathScope itemScope = new JsonPathScope(effectiveInput(),
                ContextObject.withMapItem(visit.context(), index, item), visit.strand().variables());
        return evaluate(map.itemSelector().get(), itemScope);
    }

    @Override
    public boolean matches(ChoiceRule rule, String location) {
        return ChoiceRules.matches(rule, scope.withInput(effectiveInput()), visit);
    }

    private JsonNode select(String path, JsonNode document) {
        try {
            return scope.withInput(document).resolve(path);
        } catch (JsonPaths.PathNotFoundException e) {
            throw visit.runtimeError("Invalid path '" + path + "' : " + e.getMessage());
        }
    }

    private JsonNode template(JsonNode template, JsonNode input) {
        return evaluate(template, scope.withInput(input));
    }

    private JsonNode evaluate(JsonNode template, JsonPathScope templateScope) {
        try {
            return PayloadTemplate.evaluate(template, templateScope);
        } catch (PayloadTemplate.TemplateFailure e) {
            throw visit.runtimeError(e.getMessage());
        }
    }

    private JsonNode withResult(String path, JsonNode input, JsonNode result) {
        try {
            return ReferencePath.parse(path).orElseThrow().put(input, result);
        } catch (IllegalArgumentException e) {
            throw StatesError.of(ErrorNames.RESULT_PATH_MATCH_FAILURE, e.getMessage());
        }
    }
}
