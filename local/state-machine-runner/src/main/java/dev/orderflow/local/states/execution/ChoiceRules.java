package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.ChoiceRule;
import dev.orderflow.local.states.asl.ComparisonOperator;
import dev.orderflow.local.states.jsonpath.JsonPathScope;
import dev.orderflow.local.states.jsonpath.JsonPaths;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates JSONPath Choice rules. A comparison between values of different types is simply false (a string
 * is never NumericEquals to anything); a Variable that does not exist is a {@code States.Runtime} error except
 * for {@code IsPresent}, which is what it tests.
 */
final class ChoiceRules {

    private ChoiceRules() {
    }

    static boolean matches(ChoiceRule rule, JsonPathScope scope, StateVisit visit) {
        return switch (rule) {
            case ChoiceRule.And and -> and.rules().stream().allMatch(r -> matches(r, scope, visit));
            case ChoiceRule.Or or -> or.rules().stream().anyMatch(r -> matches(r, scope, visit));
            case ChoiceRule.Not not -> !matches(not.rule(), scope, visit);
            case ChoiceRule.Comparison comparison -> compare(comparison, scope, visit);
            case ChoiceRule.Condition condition -> throw new IllegalStateException("JSONata conditions go to DataFlow");
        };
    }

    private static boolean compare(ChoiceRule.Comparison comparison, JsonPathScope scope, StateVisit visit) {
        ComparisonOperator operator = comparison.operator();
        Optional<JsonNode> variable = find(comparison.variable(), scope);
        if (operator == ComparisonOperator.IS_PRESENT) {
            return variable.isPresent() == comparison.value().booleanValue();
        }
        if (variable.isEmpty()) {
            throw visit.runtimeError("Invalid path '" + comparison.variable()
                    + "': The choice state's condition path references an invalid value.");
        }
        JsonNode actual = variable.get();
        if (operator.kind() == ComparisonOperator.Kind.TYPE_TEST) {
            return typeTest(operator, actual) == comparison.value().booleanValue();
        }
        JsonNode expected = comparison.value();
        if (comparison.withPath()) {
            expected = find(expected.textValue(), scope).orElseThrow(() -> visit.runtimeError("Invalid path '"
                    + comparison.value().textValue() + "': The choice state's condition path references an invalid value."));
        }
        return switch (operator.kind()) {
            case STRING -> actual.isTextual() && expected.isTextual() && strings(operator, actual.textValue(), expected.textValue());
            case NUMBER -> actual.isNumber() && expected.isNumber()
                    && holds(operator.relation(), actual.decimalValue().compareTo(expected.decimalValue()));
            case BOOLEAN -> actual.isBoolean() && expected.isBoolean() && actual.booleanValue() == expected.booleanValue();
            case TIMESTAMP -> timestamps(operator, actual, expected);
            case TYPE_TEST -> throw new IllegalStateException("type tests are handled above");
        };
    }

    private static Optional<JsonNode> find(String path, JsonPathScope scope) {
        try {
            return Optional.of(scope.resolve(path));
        } catch (JsonPaths.PathNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean typeTest(ComparisonOperator operator, JsonNode actual) {
        return switch (operator) {
            case IS_NULL -> actual.isNull();
            case IS_NUMERIC -> actual.isNumber();
            case IS_STRING -> actual.isTextual();
            case IS_BOOLEAN -> actual.isBoolean();
            case IS_TIMESTAMP -> actual.isTextual() && timestamp(actual.textValue()).isPresent();
            default -> throw new IllegalStateException("not a type test: " + operator);
        };
    }

    private static boolean strings(ComparisonOperator operator, String actual, String expected) {
        if (operator.relation() == ComparisonOperator.Relation.MATCHES) {
            return wildcard(expected).matcher(actual).matches();
        }
        return holds(operator.relation(), actual.compareTo(expected));
    }

    private static boolean timestamps(ComparisonOperator operator, JsonNode actual, JsonNode expected) {
        if (!actual.isTextual() || !expected.isTextual()) {
            return false;
        }
        Optional<OffsetDateTime> a = timestamp(actual.textValue());
        Optional<OffsetDateTime> b = timestamp(expected.textValue());
        return a.isPresent() && b.isPresent()
                && holds(operator.relation(), a.get().toInstant().compareTo(b.get().toInstant()));
    }

    private static Optional<OffsetDateTime> timestamp(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean holds(ComparisonOperator.Relation relation, int comparison) {
        return switch (relation) {
            case EQ -> comparison == 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
            case GE -> comparison >= 0;
            case MATCHES, IS -> throw new IllegalStateException("not an ordering: " + relation);
        };
    }

    /** StringMatches patterns: {@code *} matches anything; {@code \*} and {@code \\} stand for themselves. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
