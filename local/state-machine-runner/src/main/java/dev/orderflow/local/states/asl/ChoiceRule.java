package dev.orderflow.local.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A Choice state's condition: JSONPath's comparison operators and combinators, or a JSONata Condition. */
public sealed interface ChoiceRule {

    record And(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
    }

    /**
     * {@code Variable} compared by {@code operator} with a literal {@code value}, or, {@code withPath}, with the
     * value found at the path that {@code value} holds.
     */
    record Comparison(String variable, ComparisonOperator operator, boolean withPath, JsonNode value)
            implements ChoiceRule {
    }

    /** JSONata: {@code Condition} (an expression, or a literal boolean). */
    record Condition(JsonNode condition) implements ChoiceRule {
    }
}
