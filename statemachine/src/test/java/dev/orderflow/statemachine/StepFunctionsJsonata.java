package dev.orderflow.statemachine;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates a JSONata state field as Step Functions does: a string that starts with {@code {%} and ends with
 * {@code %}} is an expression, objects and arrays are templates whose values are evaluated in turn, and every
 * other value is a literal. Expressions see {@code $states} and the workflow variables, and nothing as {@code $}.
 * An expression that yields no value fails, as Step Functions fails the state with States.QueryEvaluationError.
 */
final class StepFunctionsJsonata {

    private static final Pattern EXPRESSION = Pattern.compile("^\\{%(.*)%}$", Pattern.DOTALL);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StepFunctionsJsonata() {}

    /** The expression inside a {@code {% ... %}} string, if the string is one. */
    static Optional<String> expressionIn(String text) {
        var matcher = EXPRESSION.matcher(text);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Jsonata compile(String expression) {
        return Jsonata.jsonata(expression);
    }

    static JsonNode evaluate(JsonNode field, StatesBinding states, Map<String, JsonNode> variables) {
        if (field.isTextual()) {
            return expressionIn(field.asText())
                    .map(expression -> evaluateExpression(expression, states, variables))
                    .orElse(field);
        }
        if (field.isObject()) {
            ObjectNode evaluated = NODES.objectNode();
            field.properties().forEach(e -> evaluated.set(e.getKey(), evaluate(e.getValue(), states, variables)));
            return evaluated;
        }
        if (field.isArray()) {
            ArrayNode evaluated = NODES.arrayNode();
            field.forEach(element -> evaluated.add(evaluate(element, states, variables)));
            return evaluated;
        }
        return field;
    }

    /** Whether a JSONata name, written with a leading {@code $}, already means something (a built-in function). */
    static boolean isBuiltIn(String name) {
        return compile("$" + name).evaluate(null) != null;
    }

    private static JsonNode evaluateExpression(String expression, StatesBinding states, Map<String, JsonNode> variables) {
        Jsonata compiled = compile(expression);
        compiled.setOutputConvertNulls(false);
        var frame = compiled.createFrame();
        frame.bind("states", toJsonata(states.toJson()));
        variables.forEach((name, value) -> frame.bind(name, toJsonata(value)));
        Object result = compiled.evaluate(null, frame);
        if (result == null) {
            throw new IllegalStateException(
                    "States.QueryEvaluationError: {%" + expression + "%} yields no value");
        }
        return fromJsonata(result);
    }

    private static Object toJsonata(JsonNode node) {
        if (node.isNull()) {
            return Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            var map = new LinkedHashMap<String, Object>();
            node.properties().forEach(e -> map.put(e.getKey(), toJsonata(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(element -> list.add(toJsonata(element)));
            return list;
        }
        return OrderWorkflow.JSON.convertValue(node, Object.class);
    }

    /** JSON has one number type: 7, 7L and 7.0 all read back as the same node. */
    private static JsonNode numberNode(Number number) {
        if (number instanceof Integer || number instanceof Long) {
            return OrderWorkflow.parse(number.toString());
        }
        double value = number.doubleValue();
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            return OrderWorkflow.parse(Long.toString((long) value));
        }
        return NODES.numberNode(value);
    }

    private static JsonNode fromJsonata(Object value) {
        if (value == Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> {
                if (element != null) {
                    object.set(String.valueOf(key), fromJsonata(element));
                }
            });
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(fromJsonata(element)));
            return array;
        }
        if (value instanceof Number number) {
            return numberNode(number);
        }
        return OrderWorkflow.JSON.valueToTree(value);
    }
}
