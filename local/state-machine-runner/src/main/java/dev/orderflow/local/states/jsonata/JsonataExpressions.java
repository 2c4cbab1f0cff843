package dev.orderflow.local.states.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates JSONata fields as Step Functions does. A string written {@code {% expression %}} is an expression;
 * objects and arrays are templates whose members are evaluated in turn; every other value is a literal.
 * Expressions see {@code $states}, the workflow variables and Step Functions' extra functions, and nothing as
 * {@code $}. An expression that yields nothing (undefined) fails, as Step Functions fails the state with
 * {@code States.QueryEvaluationError}.
 */
public final class JsonataExpressions {

    private static final Pattern EXPRESSION = Pattern.compile("^\\{%(.*)%}$", Pattern.DOTALL);
    private static final Map<String, Jsonata> COMPILED = new ConcurrentHashMap<>();

    private JsonataExpressions() {
    }

    /**
     * What an expression can see besides its own text: {@code $states}, the variables, and the time for
     * {@code $now()}. Values are converted for the engine once, on first use, and shared by all the expressions of
     * a field.
     */
    public static final class Bindings {
        private final JsonNode states;
        private final Map<String, JsonNode> variables;
        private final Instant now;
        private Object jsonataStates;
        private final Map<String, Object> jsonataVariables = new HashMap<>();

        public Bindings(JsonNode states, Map<String, JsonNode> variables, Instant now) {
            this.states = states;
            this.variables = variables;
            this.now = now;
        }

        /** Binds what {@code expression} can refer to into {@code frame}. */
        void bindInto(Jsonata.Frame frame, String expression) {
            StepFunctionsFunctions.bindTo(frame, now);
            if (expression.contains("$states")) {
                if (jsonataStates == null) {
                    jsonataStates = JsonataValues.toJsonata(states);
                }
                frame.bind("states", jsonataStates);
            }
            variables.forEach((name, value) -> {
                if (expression.contains("$" + name)) {
                    frame.bind(name, jsonataVariables.computeIfAbsent(name, n -> JsonataValues.toJsonata(value)));
                }
            });
        }
    }

    /** The expression inside a {@code {% ... %}} string, if the string is one. */
    public static Optional<String> expressionIn(JsonNode field) {
        if (!field.isTextual()) {
            return Optional.empty();
        }
        Matcher matcher = EXPRESSION.matcher(field.textValue());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Evaluates a field (an expression, a template or a literal).
     *
     * @param location where the field is, for error messages ({@code Output/result})
     * @throws JsonataFailure when an expression fails or yields nothing
     */
    public static JsonNode evaluate(JsonNode field, String location, Bindings bindings) {
        Optional<String> expression = expressionIn(field);
        if (expression.isPresent()) {
            return evaluateExpression(expression.get(), location, bindings);
        }
        if (field instanceof ObjectNode object) {
            ObjectNode evaluated = Json.object();
            object.properties().forEach(e -> evaluated.set(e.getKey(),
                    evaluate(e.getValue(), location + "/" + e.getKey(), bindings)));
            return evaluated;
        }
        if (field instanceof ArrayNode array) {
            ArrayNode evaluated = Json.NODES.arrayNode();
            for (int i = 0; i < array.size(); i++) {
                evaluated.add(evaluate(array.get(i), location + "/" + i, bindings));
            }
            return evaluated;
        }
        return field;
    }

    private static JsonNode evaluateExpression(String expression, String location, Bindings bindings) {
        Object result;
        try {
            Jsonata compiled = compile(expression);
            Jsonata.Frame frame = compiled.createFrame();
            bindings.bindInto(frame, expression);
            result = compiled.evaluate(null, frame);
        } catch (JException e) {
            throw new JsonataFailure(prefix(expression, location) + " threw an error during evaluation. "
                    + e.getError() + ": " + e.getMessage(), location);
        } catch (RuntimeException e) {
            throw new JsonataFailure(prefix(expression, location) + " threw an error during evaluation. "
                    + e.getMessage(), location);
        }
        if (result == null) {
            throw new JsonataFailure(prefix(expression, location) + " returned nothing (undefined).", location);
        }
        return JsonataValues.fromJsonata(result).orElseThrow(() -> new JsonataFailure(
                prefix(expression, location) + " returned an unsupported result type.", location));
    }

    private static String prefix(String expression, String location) {
        return "The JSONata expression '" + expression.strip() + "' specified for the field '" + location + "'";
    }

    private static Jsonata compile(String expression) {
        Jsonata compiled = COMPILED.get(expression);
        if (compiled == null) {
            compiled = Jsonata.jsonata(expression);
            compiled.setOutputConvertNulls(false);
            COMPILED.putIfAbsent(expression, compiled);
        }
        return compiled;
    }

    /** Syntax errors in a field's expressions, for definition validation; empty when all compile. */
    public static List<String> problems(JsonNode field) {
        List<String> problems = new ArrayList<>();
        collectProblems(field, problems);
        return problems;
    }

    private static void collectProblems(JsonNode field, List<String> problems) {
        Optional<String> expression = expressionIn(field);
        if (expression.isPresent()) {
            try {
                compile(expression.get());
            } catch (RuntimeException e) {
                problems.add("The JSONata expression '" + expression.get().strip() + "' is not valid: "
                        + e.getMessage());
            }
        } else if (field.isContainerNode()) {
            field.forEach(member -> collectProblems(member, problems));
        }
    }

    /** A JSONata field failed: the message is Step Functions' own wording, {@code location} names the field. */
    public static final class JsonataFailure extends RuntimeException {
        private final String location;

        public JsonataFailure(String message, String location) {
            super(message);
            this.location = location;
        }

        public String location() {
            return location;
        }
    }
}
