package dev.orderflow.local.states.execution;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.orderflow.local.states.WorkflowTester.T0;
import static dev.orderflow.local.states.WorkflowTester.details;
import static dev.orderflow.local.states.WorkflowTester.events;
import static org.assertj.core.api.Assertions.assertThat;

/** Retry (backoff, caps, jitter, per-retrier counters) and Catch, with the waits read from the history. */
class RetryAndCatchTest {

    private static final String TASK = "arn:aws:states:::lambda:invoke";

    /** A mock config whose test case "Run" gives state T the listed outcomes, one per invocation. */
    private static String mocks(String... outcomes) {
        StringBuilder responses = new StringBuilder();
        for (int i = 0; i < outcomes.length; i++) {
            String outcome = outcomes[i].equals("ok")
                    ? "{\"Return\": {\"StatusCode\": 200, \"Payload\": \"done\"}}"
                    : "{\"Throw\": {\"Error\": \"" + outcomes[i] + "\", \"Cause\": \"attempt " + i + "\"}}";
            responses.append(i == 0 ? "" : ", ").append('"').append(i).append("\": ").append(outcome);
        }
        return """
                {"StateMachines": {"retry": {"TestCases": {"Run": {"T": "Scripted"}}}},
                 "MockedResponses": {"Scripted": {%s}}}""".formatted(responses);
    }

    private static Execution run(String mockConfig, String definition) {
        try (WorkflowTester tester = WorkflowTester.withMocks(mockConfig)) {
            String arn = tester.engine().createStateMachine("retry", definition);
            return tester.runArn(arn + "#Run", "{\"in\": 1}");
        }
    }

    /** Seconds from T0 at which each attempt of T was scheduled. */
    private static List<Double> attemptTimes(Execution run) {
        List<Double> times = new ArrayList<>();
        for (var event : events(run, "TaskScheduled")) {
            times.add(Duration.between(T0, event.timestamp()).toMillis() / 1000.0);
        }
        return times;
    }

    /** A Task T with the given fields; a catcher may lead to Z. */
    private static String task(String fields) {
        String z = fields.contains("\"Z\"") ? ", \"Z\": {\"Type\": \"Pass\", \"End\": true}" : "";
        return """
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "%s", "Parameters": {"FunctionName": "f"}, %s, "End": true}%s}}"""
                .formatted(TASK, fields, z);
    }

    @Test
    void guideExample_retriersKeepTheirOwnCountsThenTheCatcherTakesOver() {
        Execution run = run(mocks("ErrorA", "ErrorB", "ErrorC", "ErrorB"), task("""
                "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2.0, "MaxAttempts": 2},
                          {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}]"""));

        assertThat(attemptTimes(run)).containsExactly(0.0, 1.0, 3.0, 8.0);
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).contains(Json.parse("{\"Error\": \"ErrorB\", \"Cause\": \"attempt 3\"}"));
    }

    @Test
    void backoff_isCappedByMaxDelaySeconds() {
        Execution run = run(mocks("E", "E", "E", "E", "ok"), task("""
                "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 1, "BackoffRate": 3, "MaxAttempts": 4, "MaxDelaySeconds": 5}]"""));

        assertThat(attemptTimes(run)).containsExactly(0.0, 1.0, 4.0, 9.0, 14.0);
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void fullJitter_waitsARandomPartOfEachBackoff() {
        Execution run = run(mocks("E", "E", "E", "E", "ok"), task("""
                "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 2, "BackoffRate": 2, "MaxAttempts": 4, "JitterStrategy": "FULL"}]"""));

        List<Double> times = attemptTimes(run);
        List<Double> waits = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            waits.add(times.get(i) - times.get(i - 1));
        }
        double[] ceilings = {2, 4, 8, 16};
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(0.0, ceilings[i]);
        }
        assertThat(waits).isNotEqualTo(List.of(2.0, 4.0, 8.0, 16.0));
    }

    @Test
    void maxAttemptsZero_neverRetries() {
        Execution run = run(mocks("E", "ok"), task("""
                "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 0}, {"ErrorEquals": ["States.ALL"]}]"""));

        assertThat(attemptTimes(run)).containsExactly(0.0);
        assertThat(run.error()).contains("E");
    }

    @Test
    void onlyTheFirstMatchingRetrierApplies_evenWhenItIsExhausted() {
        Execution run = run(mocks("E", "E", "ok"), task("""
                "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 1}, {"ErrorEquals": ["States.ALL"], "MaxAttempts": 5}]"""));

        assertThat(attemptTimes(run)).containsExactly(0.0, 1.0);
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("E");
    }

    @Test
    void retryCounts_startAgainWhenTheStateIsEnteredAgain() {
        Execution run = run(mocks("E", "ok", "E", "ok"), """
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Assign": {"visited": false}, "Next": "T"},
                  "T": {"Type": "Task", "Resource": "%s", "Parameters": {"FunctionName": "f"},
                        "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 1}], "Next": "Check"},
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$visited", "BooleanEquals": true, "Next": "Done"}],
                            "Default": "Again"},
                  "Again": {"Type": "Pass", "Assign": {"visited": true}, "Next": "T"},
                  "Done": {"Type": "Succeed"}}}""".formatted(TASK));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(events(run, "TaskScheduled")).hasSize(4);
    }

    @Test
    void catchResultPath_addsTheErrorOutputToTheInput_andSkipsTheStateOwnPaths() {
        Execution run = run(mocks("CustomError"), task("""
                "ResultPath": "$.result", "OutputPath": "$.result",
                "Catch": [{"ErrorEquals": ["CustomError"], "ResultPath": "$.error-info", "Next": "Z"}]"""));

        assertThat(run.output()).contains(Json.parse(
                "{\"in\": 1, \"error-info\": {\"Error\": \"CustomError\", \"Cause\": \"attempt 0\"}}"));
        assertThat(details(events(run, "TaskStateExited").getFirst()).get("output").asText())
                .isEqualTo(Json.write(run.output().orElseThrow()));
    }

    @Test
    void taskFailed_matchesAnyTaskErrorButNotStatesTimeout() {
        Execution caught = run(mocks("Lambda.Unknown"), task("""
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Z"}]"""));
        Execution timeout = run(mocks("States.Timeout"), task("""
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Z"}]"""));

        assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(timeout.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(timeout.error()).contains("States.Timeout");
    }

    @Test
    void timeoutSeconds_timesTheTaskOutWithStatesTimeout() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            tester.function("slow", (RequestStreamHandler) (in, out, context) -> {
                try {
                    Thread.sleep(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long started = System.nanoTime();

            Execution run = tester.run("""
                    {"StartAt": "T", "States": {
                      "T": {"Type": "Task", "Resource": "%s", "Parameters": {"FunctionName": "slow"}, "TimeoutSeconds": 1,
                            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Wrong"},
                                      {"ErrorEquals": ["States.Timeout"], "Next": "Right"}], "End": true},
                      "Wrong": {"Type": "Fail"}, "Right": {"Type": "Succeed"}}}""".formatted(TASK), "{}");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(WorkflowTester.types(run)).contains("TaskTimedOut").doesNotContain("TaskFailed");
            assertThat(details(events(run, "TaskScheduled").getFirst()).get("timeoutInSeconds").asInt()).isEqualTo(1);
        }
    }

    @Test
    void javaException_isTheErrorNamedByItsClass_withTheRuntimeErrorDocumentAsCause() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            tester.function("broken", (RequestStreamHandler) (in, out, context) -> {
                throw new IllegalStateException("the catalog is on fire");
            });

            Execution run = tester.run(task("\"Retry\": []").replace("\"f\"", "\"broken\""), "{}");

            assertThat(run.error()).contains("java.lang.IllegalStateException");
            JsonNode cause = Json.parse(run.cause().orElseThrow());
            assertThat(cause.get("errorMessage").asText()).isEqualTo("the catalog is on fire");
            assertThat(cause.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(cause.get("stackTrace").isArray()).isTrue();
            assertThat(cause.get("stackTrace").get(0).asText()).contains(RetryAndCatchTest.class.getName());
            assertThat(cause.get("stackTrace").toString()).doesNotContain("JavaHandlerFunction");
        }
    }

    @Test
    void unknownFunction_isLambdaResourceNotFound() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            Execution run = tester.run(task("\"Retry\": []"), "{}");

            assertThat(run.error()).contains("Lambda.ResourceNotFoundException");
            assertThat(run.cause().orElseThrow()).startsWith(
                    "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f");
        }
    }

    @Test
    void outputBeyondTheServiceLimit_isATerminalDataLimitExceeded() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            Execution run = tester.run("""
                    {"StartAt": "Big", "States": {
                      "Big": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $pad('', 300000, 'x') %}", "Next": "Never"},
                      "Never": {"Type": "Succeed"}}}""", "{}");

            assertThat(run.error()).contains("States.DataLimitExceeded");
            assertThat(WorkflowTester.types(run)).doesNotContain("PassStateExited", "SucceedStateEntered");
        }
    }

    @Test
    void waitsCostNoWallTime_onTheVirtualClock() {
        long started = System.nanoTime();

        Execution run = run(mocks("E", "E", "ok"), task("""
                "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 3600, "MaxAttempts": 2}]"""));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(run.stopDate()).contains(Instant.parse("2026-01-01T03:00:00Z"));
    }
}
