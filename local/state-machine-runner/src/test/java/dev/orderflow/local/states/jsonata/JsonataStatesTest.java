package dev.orderflow.local.states.jsonata;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.execution.HistoryEvent;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.orderflow.local.states.WorkflowTester.details;
import static dev.orderflow.local.states.WorkflowTester.events;
import static dev.orderflow.local.states.WorkflowTester.json;
import static dev.orderflow.local.states.WorkflowTester.output;
import static org.assertj.core.api.Assertions.assertThat;

/** JSONata states: Arguments, Output, Assign, Condition, {@code $states}, variables and the added functions. */
class JsonataStatesTest {

    private final WorkflowTester tester = WorkflowTester.create();

    @AfterEach
    void close() {
        tester.close();
    }

    private Execution run(String states, String input) {
        return tester.run("{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S0\", \"States\": {" + states + "}}", input);
    }

    /** A function that doubles {"n": x}. */
    private void registerDoubler() {
        tester.function("double", (RequestStreamHandler) (in, out, context) -> {
            long n = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("n").asLong();
            out.write(("{\"doubled\": " + 2 * n + "}").getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void argumentsOutputAndAssign_seeTheInputTheResultAndTheVariables() {
        registerDoubler();

        Execution run = run("""
                "S0": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Arguments": {"FunctionName": "double", "Payload": {"n": "{% $states.input.value %}"}},
                       "Output": {"twice": "{% $states.result.Payload.doubled %}", "was": "{% $states.input.value %}"},
                       "Assign": {"doubled": "{% $states.result.Payload.doubled %}"}, "Next": "S1"},
                "S1": {"Type": "Pass", "Output": "{% $doubled + $states.input.twice %}", "End": true}""", "{\"value\": 21}");

        assertThat(WorkflowTester.enteredInput(run, "S1")).isEqualTo(Json.parse("{\"twice\": 42, \"was\": 21}"));
        assertThat(output(run)).isEqualTo("84");
    }

    @Test
    void assignAndOutput_areEvaluatedTogetherAgainstTheValuesAtStateEntry() {
        Execution run = run("""
                "S0": {"Type": "Pass", "Assign": {"x": 1}, "Next": "S1"},
                "S1": {"Type": "Pass", "Assign": {"x": "{% $x + 1 %}", "y": "{% $x %}"}, "Output": {"x": "{% $x %}"}, "Next": "S2"},
                "S2": {"Type": "Pass", "Output": {"x": "{% $x %}", "y": "{% $y %}", "before": "{% $states.input.x %}"}, "End": true}""",
                "{}");

        assertThat(output(run)).isEqualTo(json("{\"x\": 2, \"y\": 1, \"before\": 1}"));
    }

    @Test
    void undefinedResult_failsWithQueryEvaluationErrorAndAnEvaluationFailedEvent() {
        Execution run = run("""
                "S0": {"Type": "Pass", "Output": {"result": "{% $doesNotExist %}"}, "End": true}""", "{}");

        String cause = "An error occurred while executing the state 'S0' (entered at the event id #2). "
                + "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).";
        assertThat(run.error()).contains("States.QueryEvaluationError");
        assertThat(run.cause()).contains(cause);
        HistoryEvent evaluationFailed = events(run, "EvaluationFailed").getFirst();
        assertThat(details(evaluationFailed)).isEqualTo(Json.parse("""
                {"error": "States.QueryEvaluationError", "cause": "%s", "location": "Output/result", "state": "S0"}"""
                .formatted(cause)));
    }

    @Test
    void expressionError_namesTheJsonataErrorCode() {
        Execution run = run("""
                "S0": {"Type": "Pass", "Output": "{% $notAFunction() %}", "End": true}""", "{}");

        assertThat(run.cause().orElseThrow()).endsWith("threw an error during evaluation. T1006: Attempted to invoke a non-function");
    }

    @Test
    void catcher_seesTheErrorOutput_andTheStateOutputIsNotApplied() {
        Execution run = run("""
                "S0": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "missing"},
                       "Output": "{% 'not used' %}", "Assign": {"stateLevel": "not used"},
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "S1",
                                  "Output": {"input": "{% $states.input %}", "error": "{% $states.errorOutput.Error %}"},
                                  "Assign": {"failure": "{% $states.errorOutput %}"}}], "End": true},
                "S1": {"Type": "Pass", "Output": {"in": "{% $states.input %}", "failed": "{% $failure.Error %}",
                       "stateLevelAssigned": "{% $exists($stateLevel) %}"}, "End": true}""", "{\"a\": 1}");

        assertThat(output(run)).isEqualTo(json("""
                {"in": {"input": {"a": 1}, "error": "Lambda.ResourceNotFoundException"},
                 "failed": "Lambda.ResourceNotFoundException", "stateLevelAssigned": false}"""));
    }

    @Test
    void queryEvaluationError_canBeCaughtByStatesAll() {
        Execution run = run("""
                "S0": {"Type": "Parallel", "Arguments": "{% $nope %}", "Branches": [
                         {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "S1"}], "End": true},
                "S1": {"Type": "Pass", "End": true}""", "{}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().orElseThrow().get("Error").asText()).isEqualTo("States.QueryEvaluationError");
    }

    @Test
    void contextObject_isStatesContext() {
        String arn = tester.stateMachine("""
                {"QueryLanguage": "JSONata", "StartAt": "S0", "States": {"S0": {"Type": "Pass", "End": true,
                  "Output": {"name": "{% $states.context.Execution.Name %}", "state": "{% $states.context.State.Name %}",
                             "input": "{% $states.context.Execution.Input %}"}}}}""");

        Execution run = tester.engine().startExecution(arn, "jsonata-ctx", "{\"k\": true}").completion().join();

        assertThat(output(run)).isEqualTo(json("{\"name\": \"jsonata-ctx\", \"state\": \"S0\", \"input\": {\"k\": true}}"));
    }

    @Test
    void stepFunctionsFunctions_areAvailable() {
        Execution run = run("""
                "S0": {"Type": "Pass", "End": true, "Output": {
                  "partition": "{% $partition([1, 2, 3, 4, 5], 2) %}",
                  "range": "{% $range(0, 10, 5) %}",
                  "hash": "{% $hash('abc', 'SHA-256') %}",
                  "parsed": "{% $parse('{\\"a\\": [1]}') %}",
                  "uuid": "{% $length($uuid()) %}",
                  "seeded": "{% $random(42) = $random(42) %}",
                  "unseeded": "{% $random() < 1 %}"}}""", "{}");

        assertThat(output(run)).isEqualTo(json("""
                {"partition": [[1, 2], [3, 4], [5]], "range": [0, 5, 10],
                 "hash": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                 "parsed": {"a": [1]}, "uuid": 36, "seeded": true, "unseeded": true}"""));
    }

    @Test
    void now_followsTheExecutionClock_acrossAVirtualWait() {
        Execution run = run("""
                "S0": {"Type": "Wait", "Seconds": "{% $states.input.wait %}", "Next": "S1"},
                "S1": {"Type": "Pass", "Output": {"now": "{% $now() %}", "millis": "{% $millis() %}"}, "End": true}""",
                "{\"wait\": 90}");

        assertThat(output(run)).isEqualTo(json("{\"now\": \"2026-01-01T00:01:30Z\", \"millis\": 1767225690000}"));
    }

    @Test
    void choiceCondition_decidesWithItsAssignAndOutput() {
        String states = """
                "S0": {"Type": "Choice", "Choices": [
                         {"Condition": "{% $states.input.condition %}", "Next": "Yes",
                          "Assign": {"chosen": "condition"}, "Output": {"via": "rule"}}],
                       "Default": "No", "Assign": {"chosen": "default"}},
                "Yes": {"Type": "Pass", "Output": {"chosen": "{% $chosen %}", "in": "{% $states.input %}"}, "End": true},
                "No": {"Type": "Pass", "Output": {"chosen": "{% $chosen %}", "in": "{% $states.input %}"}, "End": true}""";

        assertThat(output(run(states, "{\"condition\": true}")))
                .isEqualTo(json("{\"chosen\": \"condition\", \"in\": {\"via\": \"rule\"}}"));
        assertThat(output(run(states, "{\"condition\": false}")))
                .isEqualTo(json("{\"chosen\": \"default\", \"in\": {\"condition\": false}}"));
    }

    @Test
    void failErrorAndCause_canBeExpressions() {
        Execution run = run("""
                "S0": {"Type": "Fail", "Error": "{% 'Order' & $states.input.kind %}", "Cause": "{% $join(['a', 'b'], ': ') %}"}""",
                "{\"kind\": \"Failed\"}");

        assertThat(run.error()).contains("OrderFailed");
        assertThat(run.cause()).contains("a: b");
    }

    @Test
    void mapItemsAndItemSelector_seeTheItemInTheContext_andInnerVariablesStayInside() {
        Execution run = run("""
                "S0": {"Type": "Pass", "Assign": {"factor": 10}, "Next": "M"},
                "M": {"Type": "Map", "Items": "{% $states.input.values %}",
                      "ItemSelector": {"value": "{% $states.context.Map.Item.Value %}", "index": "{% $states.context.Map.Item.Index %}"},
                      "ItemProcessor": {"StartAt": "Scale", "States": {
                         "Scale": {"Type": "Pass", "Assign": {"inner": true},
                                   "Output": "{% $states.input.value * $factor + $states.input.index %}", "End": true}}},
                      "Next": "After"},
                "After": {"Type": "Pass", "Output": {"results": "{% $states.input %}", "innerLeaked": "{% $exists($inner) %}"},
                          "End": true}""", "{\"values\": [1, 2, 3]}");

        assertThat(output(run)).isEqualTo(json("{\"results\": [10, 21, 32], \"innerLeaked\": false}"));
    }

    @Test
    void mapItemsThatAreNotAnArray_failWithQueryEvaluationError() {
        Execution run = run("""
                "S0": {"Type": "Map", "Items": "{% $states.input.values %}", "End": true,
                       "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}}""", "{\"values\": {\"foo\": \"bar\"}}");

        assertThat(run.error()).contains("States.QueryEvaluationError");
        assertThat(run.cause().orElseThrow()).endsWith("The JSONata expression '$states.input.values' specified for the field "
                + "'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}");
    }

    @Test
    void jsonataStateInAJsonPathMachine_worksAlongsideJsonPathStates() {
        Execution run = tester.run("""
                {"StartAt": "Path", "States": {
                  "Path": {"Type": "Pass", "Parameters": {"n.$": "$.n"}, "Assign": {"seen.$": "$.n"}, "Next": "Ata"},
                  "Ata": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.n + $seen %}", "End": true}}}""",
                "{\"n\": 4}");

        assertThat(output(run)).isEqualTo("8");
    }
}
