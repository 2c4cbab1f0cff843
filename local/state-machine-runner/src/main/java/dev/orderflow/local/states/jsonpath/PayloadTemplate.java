package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign): fields whose name ends in
 * {@code .$} take their value from a path or an intrinsic function call; every other value is copied as written.
 */
public final class PayloadTemplate {

    private static final String DYNAMIC_SUFFIX = ".$";
    private static final Map<String, IntrinsicFunction> PARSED = new ConcurrentHashMap<>();

    private PayloadTemplate() {
    }

    /**
     * Evaluates {@code template} in {@code scope}.
     *
     * @throws TemplateFailure when a path selects nothing or an intrinsic function fails
     */
    public static JsonNode evaluate(JsonNode template, JsonPathScope scope) {
        if (template instanceof ObjectNode object) {
            ObjectNode evaluated = Json.object();
            for (var field : object.properties()) {
                String key = field.getKey();
                if (key.endsWith(DYNAMIC_SUFFIX) && field.getValue().isTextual()) {
                    evaluated.set(key.substring(0, key.length() - DYNAMIC_SUFFIX.length()),
                            dynamicValue(key, field.getValue().textValue(), scope));
                } else {
                    evaluated.set(key, evaluate(field.getValue(), scope));
                }
            }
            return evaluated;
        }
        if (template instanceof ArrayNode array) {
            ArrayNode evaluated = Json.NODES.arrayNode();
            array.forEach(element -> evaluated.add(evaluate(element, scope)));
            return evaluated;
        }
        return template;
    }

    /** The value of a path-or-call string such as ErrorPath, CausePath or a {@code .$} field. */
    public static JsonNode dynamicValue(String field, String expression, JsonPathScope scope) {
        if (IntrinsicFunction.looksLikeCall(expression)) {
            try {
                return PARSED.computeIfAbsent(expression, IntrinsicFunction::parse).evaluate(scope);
            } catch (IntrinsicFailure e) {
                throw new TemplateFailure(e.getMessage());
            } catch (JsonPaths.PathNotFoundException e) {
                throw notFound(field, e.path(), scope);
            }
        }
        try {
            return scope.resolve(expression);
        } catch (JsonPaths.PathNotFoundException e) {
            throw notFound(field, expression, scope);
        }
    }

    private static TemplateFailure notFound(String field, String path, JsonPathScope scope) {
        JsonNode searched = path.startsWith("$$") ? scope.context() : scope.input();
        return new TemplateFailure("The JSONPath '" + path + "' specified for the field '" + field
                + "' could not be found in the input '" + Json.write(searched) + "'");
    }

    /** Problems with a template's {@code .$} fields, for definition validation; empty when it is valid. */
    public static List<String> problems(JsonNode template) {
        List<String> problems = new ArrayList<>();
        collectProblems(template, problems);
        return problems;
    }

    private static void collectProblems(JsonNode template, List<String> problems) {
        if (template instanceof ObjectNode object) {
            for (var field : object.properties()) {
                String key = field.getKey();
                if (key.endsWith(DYNAMIC_SUFFIX)) {
                    if (!field.getValue().isTextual() || !isValidExpression(field.getValue().textValue())) {
                        problems.add("The value for the field '" + key
                                + "' must be a valid JSONPath or a valid intrinsic function call");
                    }
                } else {
                    collectProblems(field.getValue(), problems);
                }
            }
        } else if (template instanceof ArrayNode array) {
            array.forEach(element -> collectProblems(element, problems));
        }
    }

    /** Whether {@code expression} is a valid path or intrinsic function call. */
    public static boolean isValidExpression(String expression) {
        if (IntrinsicFunction.looksLikeCall(expression)) {
            try {
                IntrinsicFunction.parse(expression);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return JsonPathScope.isValidPath(expression);
    }

    /** A template could not be evaluated: a path matched nothing, or an intrinsic function failed. */
    public static final class TemplateFailure extends RuntimeException {
        TemplateFailure(String message) {
            super(message);
        }
    }
}
