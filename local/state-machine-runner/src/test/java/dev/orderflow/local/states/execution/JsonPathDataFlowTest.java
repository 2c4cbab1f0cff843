package dev.orderflow.local.states.execution;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.orderflow.local.states.WorkflowTester.details;
import static dev.orderflow.local.states.WorkflowTester.events;
import static dev.orderflow.local.states.WorkflowTester.json;
import static dev.orderflow.local.states.WorkflowTester.output;
import static org.assertj.core.api.Assertions.assertThat;

/** InputPath → Parameters → task → ResultSelector → ResultPath → OutputPath, with the developer guide's examples. */
class JsonPathDataFlowTest {

    /** The guide's HelloFunction: {"who": name} in, a greeting out. */
    static final class HelloFunction implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return "Hello, " + input.get("who") + "!";
        }
    }

    private static final String GUIDE_INPUT = """
            {"comment": "An input comment.", "data": {"val1": 23, "val2": 17}, "extra": "foo",
             "lambda": {"who": "AWS Step Functions"}}""";

    private final WorkflowTester tester = WorkflowTester.create();

    @AfterEach
    void close() {
        tester.close();
    }

    private static String helloTask(String paths) {
        return """
                {"StartAt": "HelloWorld", "States": {"HelloWorld": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction", %s "End": true}}}"""
                .formatted(paths);
    }

    @Test
    void inputPathResultPathOutputPath_keepOnlyTheDataNodeWithTheResult() {
        tester.engine().registerFunction("HelloFunction", new HelloFunction());

        Execution run = tester.run(helloTask("""
                "InputPath": "$.lambda", "ResultPath": "$.data.lambdaresult", "OutputPath": "$.data","""), GUIDE_INPUT);

        assertThat(output(run)).isEqualTo(json("""
                {"val1": 23, "val2": 17, "lambdaresult": "Hello, AWS Step Functions!"}"""));
        assertThat(details(events(run, "LambdaFunctionScheduled").getFirst()).get("input").asText())
                .isEqualTo(json("{\"who\": \"AWS Step Functions\"}"));
    }

    @ParameterizedTest(name = "ResultPath {0}")
    @CsvSource(delimiter = '|', value = {
            "\"$\"                          | \"Hello, AWS Step Functions!\"",
            "null                           | {\"who\": \"AWS Step Functions\", \"strings\": {\"a\": 1}}",
            "\"$.taskresult\"               | {\"who\": \"AWS Step Functions\", \"strings\": {\"a\": 1}, \"taskresult\": \"Hello, AWS Step Functions!\"}",
            "\"$.strings.lambdaresult\"     | {\"who\": \"AWS Step Functions\", \"strings\": {\"a\": 1, \"lambdaresult\": \"Hello, AWS Step Functions!\"}}",
            "\"$['new field'].result\"      | {\"who\": \"AWS Step Functions\", \"strings\": {\"a\": 1}, \"new field\": {\"result\": \"Hello, AWS Step Functions!\"}}"})
    void resultPath_placesTheResultInTheRawInput(String resultPath, String expected) {
        tester.engine().registerFunction("HelloFunction", new HelloFunction());

        Execution run = tester.run(helloTask("\"ResultPath\": " + resultPath + ","),
                "{\"who\": \"AWS Step Functions\", \"strings\": {\"a\": 1}}");

        assertThat(output(run)).isEqualTo(json(expected));
    }

    @Test
    void parameters_selectFieldsWithDollarKeysAndKeepStaticValues() {
        Execution run = tester.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Parameters": {
                  "comment": "Selecting what I care about.",
                  "MyDetails": {"size.$": "$.product.details.size", "exists.$": "$.product.availability", "StaticValue": "foo"}}}}}""",
                """
                {"comment": "Example for Parameters.", "product": {"details": {"color": "blue", "size": "small",
                 "material": "cotton"}, "availability": "in stock", "sku": "2317", "cost": "$23"}}""");

        assertThat(output(run)).isEqualTo(json("""
                {"comment": "Selecting what I care about.", "MyDetails": {"size": "small", "exists": "in stock", "StaticValue": "foo"}}"""));
    }

    @Test
    void resultSelector_shapesTheResultBeforeResultPathAddsItToTheInput() {
        try (WorkflowTester mocked = WorkflowTester.withMocks("""
                {"StateMachines": {"emr": {"TestCases": {"Ok": {"CreateCluster": "Cluster"}}}},
                 "MockedResponses": {"Cluster": {"0": {"Return": {"resourceType": "elasticmapreduce",
                   "resource": "createCluster.sync", "output": {"SdkHttpMetadata": {"HttpStatusCode": 200},
                   "ClusterId": "AKIAIOSFODNN7EXAMPLE", "Status": "RUNNING"}}}}}}""")) {
            String arn = mocked.engine().createStateMachine("emr", """
                    {"StartAt": "CreateCluster", "States": {"CreateCluster": {"Type": "Task",
                      "Resource": "arn:aws:states:::elasticmapreduce:createCluster.sync",
                      "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"},
                      "ResultPath": "$.EMROutput", "End": true}}}""");

            Execution run = mocked.runArn(arn + "#Ok", "{\"job\": \"nightly\"}");

            assertThat(output(run)).isEqualTo(json("""
                    {"job": "nightly", "EMROutput": {"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}}"""));
        }
    }

    @Test
    void contextObject_isAvailableAsDoubleDollar() {
        String arn = tester.stateMachine("""
                {"StartAt": "Ctx", "States": {"Ctx": {"Type": "Pass", "End": true, "Parameters": {
                  "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input.a",
                  "started.$": "$$.Execution.StartTime", "machine.$": "$$.StateMachine.Name", "state.$": "$$.State.Name",
                  "entered.$": "$$.State.EnteredTime"}}}}""");

        Execution run = tester.engine().startExecution(arn, "ctx-run", "{\"a\": 5}").completion().join();

        assertThat(run.output().orElseThrow()).isEqualTo(Json.parse("""
                {"id": "%s", "name": "ctx-run", "input": 5, "started": "2026-01-01T00:00:00.000Z",
                 "machine": "%s", "state": "Ctx", "entered": "2026-01-01T00:00:00.000Z"}"""
                .formatted(run.arn(), arn.substring(arn.lastIndexOf(':') + 1))));
    }

    @Test
    void indefinitePath_selectsAnArrayOfMatches() {
        Execution run = tester.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Parameters": {
                  "ids.$": "$.items[*].id", "cheap.$": "$.items[?(@.price < 10)].id"}}}}""",
                "{\"items\": [{\"id\": \"a\", \"price\": 5}, {\"id\": \"b\", \"price\": 15}]}");

        assertThat(output(run)).isEqualTo(json("{\"ids\": [\"a\", \"b\"], \"cheap\": [\"a\"]}"));
    }

    @Test
    void nullInputPathAndOutputPath_passAnEmptyObject() {
        Execution run = tester.run("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "InputPath": null, "Parameters": {"seen.$": "$"}, "Next": "B"},
                  "B": {"Type": "Pass", "OutputPath": null, "End": true}}}""", "{\"a\": 1}");

        assertThat(WorkflowTester.enteredInput(run, "B")).isEqualTo(Json.parse("{\"seen\": {}}"));
        assertThat(output(run)).isEqualTo("{}");
    }

    @Test
    void inputPathThatMatchesNothing_failsTheExecutionWithStatesRuntime() {
        Execution run = tester.run("""
                {"StartAt": "pass", "States": {"pass": {"Type": "Pass", "InputPath": "$.NoSuchInputPath", "End": true}}}""",
                "{}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause()).contains("An error occurred while executing the state 'pass' (entered at the event id #2). "
                + "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
    }

    @Test
    void parameterPathThatMatchesNothing_failsWithStatesRuntimeNamingTheField() {
        Execution run = tester.run("""
                {"StartAt": "pass", "States": {"pass": {"Type": "Pass", "Parameters": {"value.$": "$.no_such_jsonpath"}, "End": true}}}""",
                "{\"a\": 1}");

        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause()).contains("An error occurred while executing the state 'pass' (entered at the event id #2). "
                + "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"a\":1}'");
    }

    @Test
    void outputPathThatMatchesNothing_isNotCaughtEvenByAStatesRuntimeCatcher() {
        tester.engine().registerFunction("HelloFunction", new HelloFunction());

        Execution run = tester.run("""
                {"StartAt": "RaiseRuntime", "States": {
                  "RaiseRuntime": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",
                    "OutputPath": "$.no.such.result.path",
                    "Catch": [{"ErrorEquals": ["States.Runtime"], "Next": "Caught"}, {"ErrorEquals": ["States.ALL"], "Next": "Caught"}],
                    "End": true},
                  "Caught": {"Type": "Pass", "End": true}}}""", "{\"who\": \"x\"}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("States.Runtime");
        assertThat(WorkflowTester.types(run)).doesNotContain("PassStateEntered");
    }

    @Test
    void resultPathIntoAnInputThatIsNotAnObject_isAResultPathMatchFailureThatCanBeCaught() {
        Execution run = tester.run("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Parallel", "ResultPath": "$.result", "Branches": [
                      {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}],
                    "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Pass", "End": true}}}""", "\"just a string\"");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().orElseThrow().path("Error").asText()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void assign_seesTheResultAsDollarAndTakesEffectAfterOutputPath() {
        Execution run = tester.run("""
                {"StartAt": "State0", "States": {
                  "State0": {"Type": "Pass", "Result": {"theQuestion": "What is the answer?"},
                    "Assign": {"question.$": "$.theQuestion", "answer": 42}, "Next": "State1"},
                  "State1": {"Type": "Pass", "InputPath": "$answer", "ResultPath": "$.theAnswer", "OutputPath": "$answer",
                    "Assign": {"answer": "<omitted>"}, "Next": "State2"},
                  "State2": {"Type": "Pass", "Parameters": {"answer.$": "$answer", "question.$": "$question"}, "End": true}}}""",
                "{}");

        assertThat(WorkflowTester.enteredInput(run, "State2")).isEqualTo(Json.parse("42"));
        assertThat(output(run)).isEqualTo(json("{\"answer\": \"<omitted>\", \"question\": \"What is the answer?\"}"));
        assertThat(details(events(run, "PassStateExited").getFirst()).get("assignedVariables"))
                .isEqualTo(Json.parse("{\"question\": \"\\\"What is the answer?\\\"\", \"answer\": \"42\"}"));
    }
}
