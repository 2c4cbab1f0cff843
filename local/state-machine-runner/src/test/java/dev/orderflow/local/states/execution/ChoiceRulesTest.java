package dev.orderflow.local.states.execution;

import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** JSONPath Choice rules: every operator, type mismatches, missing variables, combinators, Default. */
class ChoiceRulesTest {

    private final WorkflowTester tester = WorkflowTester.create();

    @AfterEach
    void close() {
        tester.close();
    }

    /** Runs a Choice with one rule; answers "yes" when it matched, "no" when Default was taken. */
    private String route(String rule, String input) {
        Execution run = tester.run("""
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [%s], "Default": "No"},
                  "Yes": {"Type": "Pass", "Result": "yes", "End": true},
                  "No": {"Type": "Pass", "Result": "no", "End": true}}}""".formatted(rule), input);
        assertThat(run.status()).as(run.cause().orElse("")).isEqualTo(ExecutionStatus.SUCCEEDED);
        return run.output().orElseThrow().asText();
    }

    private static String rule(String operator, String value) {
        return "{\"Variable\": \"$.v\", \"" + operator + "\": " + value + ", \"Next\": \"Yes\"}";
    }

    @ParameterizedTest(name = "{0} {1} with v = {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "StringEquals             | \"abc\"                     | \"abc\"                       | yes",
            "StringEquals             | \"abc\"                     | \"abd\"                       | no",
            "StringLessThan           | \"b\"                       | \"a\"                         | yes",
            "StringGreaterThanEquals  | \"b\"                       | \"b\"                         | yes",
            "StringMatches            | \"log-*.txt\"               | \"log-2024-01.txt\"           | yes",
            "StringMatches            | \"log-*.txt\"               | \"log-2024-01.csv\"           | no",
            "StringMatches            | \"a\\\\*b\"                 | \"a*b\"                       | yes",
            "StringMatches            | \"a\\\\*b\"                 | \"axb\"                       | no",
            "NumericEquals            | 42                          | 42.0                          | yes",
            "NumericLessThan          | 10                          | 9.99                          | yes",
            "NumericGreaterThan       | 10                          | 10                            | no",
            "NumericLessThanEquals    | 10                          | 10                            | yes",
            "BooleanEquals            | true                        | true                          | yes",
            "BooleanEquals            | true                        | false                         | no",
            "TimestampEquals          | \"2016-03-14T01:59:00Z\"    | \"2016-03-14T02:59:00+01:00\" | yes",
            "TimestampLessThan        | \"2016-03-14T01:59:00Z\"    | \"2016-03-14T01:58:59.5Z\"    | yes",
            "TimestampGreaterThan     | \"2016-03-14T01:59:00Z\"    | \"not a timestamp\"           | no",
            "IsNull                   | true                        | null                          | yes",
            "IsNumeric                | true                        | 1.5                           | yes",
            "IsString                 | false                       | 1                             | yes",
            "IsBoolean                | true                        | \"true\"                      | no",
            "IsTimestamp              | true                        | \"2016-03-14T01:59:00Z\"      | yes"})
    void operators_compareTheVariableWithTheValue(String operator, String value, String variable, String expected) {
        assertThat(route(rule(operator, value), "{\"v\": " + variable + "}")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} against v = {1} is false")
    @CsvSource(delimiter = '|', value = {
            "NumericEquals  | \"42\"",
            "StringEquals   | 42",
            "BooleanEquals  | \"true\"",
            "TimestampEquals| 1457920740"})
    void typeMismatch_isNoMatchRatherThanAnError(String operator, String variable) {
        String value = switch (operator) {
            case "NumericEquals" -> "42";
            case "StringEquals" -> "\"42\"";
            case "BooleanEquals" -> "true";
            default -> "\"2016-03-14T01:59:00Z\"";
        };
        assertThat(route(rule(operator, value), "{\"v\": " + variable + "}")).isEqualTo("no");
    }

    @Test
    void pathVariants_compareWithAnotherValueOfTheInput() {
        assertThat(route("{\"Variable\": \"$.v\", \"NumericLessThanPath\": \"$.limit\", \"Next\": \"Yes\"}",
                "{\"v\": 3, \"limit\": 5}")).isEqualTo("yes");
        assertThat(route("{\"Variable\": \"$.v\", \"StringEqualsPath\": \"$$.Execution.Input.w\", \"Next\": \"Yes\"}",
                "{\"v\": \"a\", \"w\": \"a\"}")).isEqualTo("yes");
    }

    @Test
    void isPresent_testsForTheVariable() {
        assertThat(route(rule("IsPresent", "false").replace("$.v", "$.missing"), "{}")).isEqualTo("yes");
        assertThat(route(rule("IsPresent", "true"), "{\"v\": null}")).isEqualTo("yes");
    }

    @Test
    void missingVariable_failsWithStatesRuntime() {
        Execution run = tester.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                  {"Variable": "$.missing", "StringEquals": "x", "Next": "D"}], "Default": "D"},
                 "D": {"Type": "Succeed"}}}""", "{}");

        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause().orElseThrow()).endsWith(
                "Invalid path '$.missing': The choice state's condition path references an invalid value.");
    }

    @Test
    void andOrNot_combineRules() {
        String rule = """
                {"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 20},
                         {"Or": [{"Variable": "$.type", "StringEquals": "Private"},
                                 {"Not": {"Variable": "$.vip", "BooleanEquals": false}}]}], "Next": "Yes"}""";

        assertThat(route(rule, "{\"n\": 25, \"type\": \"Public\", \"vip\": true}")).isEqualTo("yes");
        assertThat(route(rule, "{\"n\": 25, \"type\": \"Public\", \"vip\": false}")).isEqualTo("no");
        assertThat(route(rule, "{\"n\": 19, \"type\": \"Private\", \"vip\": true}")).isEqualTo("no");
    }

    @Test
    void firstMatchingRuleWins_andTheOutputIsTheInput() {
        Execution run = tester.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "OutputPath": "$.keep", "Choices": [
                   {"Variable": "$.v", "NumericGreaterThan": 1, "Next": "First"},
                   {"Variable": "$.v", "NumericGreaterThan": 0, "Next": "Second"}]},
                 "First": {"Type": "Succeed"}, "Second": {"Type": "Fail"}}}""", "{\"v\": 5, \"keep\": {\"k\": 1}}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).contains(Json.parse("{\"k\": 1}"));
    }

    @Test
    void noMatchAndNoDefault_failsWithNoChoiceMatched() {
        Execution run = tester.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                   {"Variable": "$.v", "NumericEquals": 1, "Next": "D"}]}, "D": {"Type": "Succeed"}}}""", "{\"v\": 2}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("States.NoChoiceMatched");
    }

    @Test
    void ruleAssign_replacesTheStateAssignWhichIsForDefault() {
        String definition = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.v", "NumericEquals": 42, "Assign": {"status": "CORRECT"}, "Next": "Final"}],
                    "Assign": {"status": "INCORRECT", "guess.$": "$.v"}, "Default": "Final"},
                  "Final": {"Type": "Pass", "Parameters": {"status.$": "$status"}, "End": true}}}""";

        assertThat(WorkflowTester.output(tester.run(definition, "{\"v\": 42}"))).isEqualTo("{\"status\":\"CORRECT\"}");
        assertThat(WorkflowTester.output(tester.run(definition, "{\"v\": \"42\"}"))).isEqualTo("{\"status\":\"INCORRECT\"}");
    }
}
