package dev.orderflow.local.states.asl;

import dev.orderflow.local.states.WorkflowTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionValidationTest {

    private static InvalidDefinitionException rejected(String definition) {
        try {
            DefinitionParser.parse(definition);
        } catch (InvalidDefinitionException e) {
            return e;
        }
        throw new AssertionError("the definition was accepted: " + definition);
    }

    @Test
    void orderWorkflow_isValid() {
        StateMachineDefinition definition = DefinitionParser.parse(
                WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json"));

        assertThat(definition.queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
        assertThat(definition.timeoutSeconds()).contains(1800);
        assertThat(definition.graph().states()).containsKeys("RecordChange", "Validate", "RecordFailed", "OrderFailed");
    }

    @Test
    void unknownNext_isRejectedNamingTheStateAndTarget() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}""");

        assertThat(e.getMessage()).isEqualTo("Invalid State Machine Definition: "
                + "'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next'");
    }

    @Test
    void unreachableState_isRejected() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}""");

        assertThat(e.getMessage()).contains("UNREACHABLE_STATE: State \"Orphan\" is not reachable at /States/Orphan");
    }

    @Test
    void startAtThatNamesNoState_isRejected() {
        var e = rejected("""
                {"StartAt": "Missing", "States": {"A": {"Type": "Succeed"}}}""");

        assertThat(e.getMessage()).contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Missing at /StartAt");
    }

    @Test
    void statesAllWithOtherErrors_isRejected() {
        var e = rejected("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Retry": [{"ErrorEquals": ["States.ALL", "Custom"]}], "End": true}}}""");

        assertThat(e.getMessage()).contains("States.ALL must appear alone in ErrorEquals at /States/T/Retry[0]/ErrorEquals");
    }

    @Test
    void statesAllCatcherThatIsNotLast_isRejected() {
        var e = rejected("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}, {"ErrorEquals": ["Custom"], "Next": "Done"}],
                  "End": true}, "Done": {"Type": "Succeed"}}}""");

        assertThat(e.getMessage()).contains("A catcher with States.ALL must be the last one at /States/T/Catch[0]/ErrorEquals");
    }

    @ParameterizedTest
    @CsvSource({"$.a[*]", "$..a", "a.b", "$.a[?(@.b)]"})
    void resultPathThatIsNotAReferencePath_isRejected(String resultPath) {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "%s", "End": true}}}""".formatted(resultPath));

        assertThat(e.getMessage()).contains("The value for the field 'ResultPath' must be a valid ReferencePath at /States/A/ResultPath");
    }

    @Test
    void passWithBothNextAndEnd_isRejected() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true}, "B": {"Type": "Succeed"}}}""");

        assertThat(e.getMessage()).contains("Exactly one of 'Next' or 'End' must be specified at /States/A");
    }

    @Test
    void unknownStateType_isRejected() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Sleep", "End": true}}}""");

        assertThat(e.getMessage()).contains("The field 'Type' should have one of these values: "
                + "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/A/Type");
    }

    @Test
    void missingStates_isRejectedAsAwsDoes() {
        var e = rejected("""
                {"StartAt": "A"}""");

        assertThat(e.getMessage()).isEqualTo(
                "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'");
    }

    @Test
    void jsonPathFieldInAJsonataState_isRejected() {
        var e = rejected("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.a", "End": true}}}""");

        assertThat(e.getMessage()).contains("The field 'InputPath' is not supported when QueryLanguage is JSONata at /States/A/InputPath");
    }

    @Test
    void jsonataFieldInAJsonPathState_isRejected() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"a": 1}, "End": true}}}""");

        assertThat(e.getMessage()).contains("The field 'Output' is not supported when QueryLanguage is JSONPath at /States/A/Output");
    }

    @Test
    void jsonPathStateInAJsonataMachine_isRejected() {
        var e = rejected("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}""");

        assertThat(e.getMessage()).contains("A state cannot use JSONPath when the state machine uses JSONata at /States/A/QueryLanguage");
    }

    @Test
    void dynamicFieldThatIsNeitherPathNorIntrinsic_isRejected() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"parsed.$": "States.Nope($.a)"}, "End": true}}}""");

        assertThat(e.getMessage()).contains("The value for the field 'parsed.$' must be a valid JSONPath or a valid "
                + "intrinsic function call at /States/A/Parameters");
    }

    @Test
    void intrinsicWithTheWrongNumberOfArguments_isRejected() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "States.ArrayGetItem($.a)"}, "End": true}}}""");

        assertThat(e.getMessage()).contains("'x.$'");
    }

    @Test
    void invalidJsonataExpression_isRejected() {
        var e = rejected("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% 1 + %}", "End": true}}}""");

        assertThat(e.getMessage()).contains("The JSONata expression '1 +' is not valid").contains("at /States/A/Output");
    }

    @Test
    void waitWithTwoDurations_isRejected() {
        var e = rejected("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}}}""");

        assertThat(e.getMessage()).contains("Exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath' "
                + "must be specified at /States/W");
    }

    @Test
    void choiceRuleWithTwoOperators_isRejected() {
        var e = rejected("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                  {"Variable": "$.a", "StringEquals": "x", "NumericEquals": 1, "Next": "D"}], "Default": "D"},
                 "D": {"Type": "Succeed"}}}""");

        assertThat(e.getMessage()).contains("A choice rule must have exactly one comparison operator at /States/C/Choices[0]");
    }

    @Test
    void duplicateStateNamesAcrossBranches_areRejected() {
        var e = rejected("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}},
                  {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}""");

        assertThat(e.getMessage()).contains("DUPLICATE_STATE_NAME: Duplicate State name: X");
    }

    @Test
    void transitionOutOfABranch_isRejected() {
        var e = rejected("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Next": "After", "Branches": [
                  {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "After"}}}]},
                 "After": {"Type": "Succeed"}}}""");

        assertThat(e.getMessage()).contains("Missing 'Next' target: After at /States/P/Branches[0]/States/X/Next");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var e = rejected("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"},
                 "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true,
                       "Retry": [{"ErrorEquals": ["E"], "BackoffRate": 0.5}]}}}""");

        assertThat(e.problems()).extracting(InvalidDefinitionException.Problem::location)
                .contains("/States/A/Next", "/States/B", "/States/B/Retry[0]/BackoffRate");
    }

    @Test
    void distributedMap_isRejectedAsUnsupported() {
        var e = rejected("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemReader": {},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "X", "States": {"X": {"Type": "Succeed"}}}}}}""");

        assertThat(e.getMessage()).contains("not supported by the local runner");
    }

    @Test
    void malformedJson_isRejectedAsInvalidJson() {
        assertThatThrownBy(() -> DefinitionParser.parse("{\"StartAt\": "))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ");
    }
}
