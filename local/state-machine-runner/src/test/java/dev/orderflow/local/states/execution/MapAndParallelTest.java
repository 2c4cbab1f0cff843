package dev.orderflow.local.states.execution;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.orderflow.local.states.WorkflowTester.details;
import static dev.orderflow.local.states.WorkflowTester.events;
import static dev.orderflow.local.states.WorkflowTester.json;
import static dev.orderflow.local.states.WorkflowTester.output;
import static org.assertj.core.api.Assertions.assertThat;

/** Inline Map and Parallel: inputs, results in order, concurrency, failures, retries, variable scope, events. */
class MapAndParallelTest {

    private final WorkflowTester tester = WorkflowTester.create();

    @AfterEach
    void close() {
        tester.close();
    }

    @Test
    void map_itemsPathAndItemSelector_buildEachIterationInputWithTheMapContext() {
        Execution run = tester.run("""
                {"StartAt": "MapState", "States": {"MapState": {"Type": "Map", "ItemsPath": "$.detail.shipped",
                  "ItemSelector": {"constant": "HelloWorld", "value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index",
                                   "partner.$": "$.detail.delivery-partner"},
                  "ItemProcessor": {"StartAt": "HandleItem", "States": {"HandleItem": {"Type": "Pass", "End": true}}},
                  "ResultPath": "$.detail.results", "End": true}}}""",
                "{\"detail\": {\"delivery-partner\": \"UQS\", \"shipped\": [\"A\", \"B\"]}}");

        assertThat(output(run)).isEqualTo(json("""
                {"detail": {"delivery-partner": "UQS", "shipped": ["A", "B"], "results": [
                  {"constant": "HelloWorld", "value": "A", "index": 0, "partner": "UQS"},
                  {"constant": "HelloWorld", "value": "B", "index": 1, "partner": "UQS"}]}}"""));
        assertThat(details(events(run, "MapStateStarted").getFirst()).get("length").asInt()).isEqualTo(2);
        assertThat(events(run, "MapIterationSucceeded")).extracting(e -> details(e).get("index").asInt())
                .containsExactlyInAnyOrder(0, 1);
        assertThat(WorkflowTester.types(run)).containsSubsequence("MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    }

    @Test
    void map_runsIterationsConcurrently_unlessMaxConcurrencyLimitsThem() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CyclicBarrier allThree = new CyclicBarrier(3);
        tester.function("work", (RequestStreamHandler) (in, out, context) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (Json.parse(new String(in.readAllBytes())).path("meet").asBoolean()) {
                    allThree.await(10, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
            out.write("{}".getBytes());
        });
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", %s "ItemSelector": {"meet.$": "$.meet"},
                  "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}}},
                  "ItemsPath": "$.items", "End": true}}}""";

        Execution unlimited = tester.run(definition.formatted(""), "{\"items\": [1, 2, 3], \"meet\": true}");
        assertThat(unlimited.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(mostInFlight.get()).isEqualTo(3);

        mostInFlight.set(0);
        Execution oneAtATime = tester.run(definition.formatted("\"MaxConcurrency\": 1,"), "{\"items\": [1, 2, 3], \"meet\": false}");
        assertThat(oneAtATime.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void map_failingIteration_failsTheMapWithItsError_whichCanBeCaught() {
        Execution run = tester.run("""
                {"StartAt": "M", "States": {
                  "M": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": {"StartAt": "Check", "States": {
                      "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "StringEquals": "bad", "Next": "Reject"}],
                                "Default": "Accept"},
                      "Reject": {"Type": "Fail", "Error": "BadItem", "Cause": "bad item"},
                      "Accept": {"Type": "Succeed"}}},
                    "ItemsPath": "$.items", "Catch": [{"ErrorEquals": ["BadItem"], "ResultPath": "$.error", "Next": "Handled"}],
                    "End": true},
                  "Handled": {"Type": "Pass", "End": true}}}""", "{\"items\": [\"good\", \"bad\", \"never\"]}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(WorkflowTester.types(run)).contains("MapIterationFailed", "MapStateFailed").doesNotContain("MapStateSucceeded");
        assertThat(output(run)).isEqualTo(json("{\"items\": [\"good\", \"bad\", \"never\"], "
                + "\"error\": {\"Error\": \"BadItem\", \"Cause\": \"bad item\"}}"));
        assertThat(events(run, "MapIterationStarted")).hasSize(2);
    }

    @Test
    void map_overSomethingThatIsNotAnArray_failsWithStatesRuntime() {
        Execution run = tester.run("""
                {"StartAt": "MapIterateState", "States": {"MapIterateState": {"Type": "Map", "End": true,
                  "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}}}}""", "{\"foo\": \"bar\"}");

        assertThat(run.error()).contains("States.Runtime");
        assertThat(run.cause().orElseThrow()).endsWith("Map state input must be an array but was: {\"foo\":\"bar\"}");
    }

    @Test
    void parallel_resultsAreInBranchOrder_andTimeMovesToTheSlowestBranch() {
        Execution run = tester.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 10, "Next": "A"},
                                                 "A": {"Type": "Pass", "Result": "first", "End": true}}},
                  {"StartAt": "Fast", "States": {"Fast": {"Type": "Wait", "Seconds": 1, "Next": "B"},
                                                 "B": {"Type": "Pass", "Result": "second", "End": true}}}]}}}""", "{}");

        assertThat(output(run)).isEqualTo("[\"first\",\"second\"]");
        assertThat(events(run, "ParallelStateExited").getFirst().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:10Z"));
        assertThat(events(run, "PassStateExited")).extracting(e -> e.timestamp().getEpochSecond() - WorkflowTester.T0.getEpochSecond())
                .containsExactlyInAnyOrder(10L, 1L);
    }

    @Test
    void parallel_failingBranch_failsTheStateWithTheBranchError() {
        Execution run = tester.run("""
                {"StartAt": "ParallelState", "States": {
                  "ParallelState": {"Type": "Parallel", "Branches": [
                      {"StartAt": "Branch1", "States": {"Branch1": {"Type": "Fail", "Error": "FailureType", "Cause": "Cause description"}}},
                      {"StartAt": "Branch2", "States": {"Branch2": {"Type": "Wait", "Seconds": 100, "End": true}}}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "FinalCaught"}], "End": true},
                  "FinalCaught": {"Type": "Pass", "End": true}}}""", "{}");

        assertThat(run.output()).contains(Json.parse("{\"Error\": \"FailureType\", \"Cause\": \"Cause description\"}"));
        assertThat(WorkflowTester.types(run)).containsSubsequence("ParallelStateEntered", "ParallelStateStarted",
                "FailStateEntered", "ParallelStateFailed", "ParallelStateExited", "PassStateEntered");
    }

    @Test
    void parallel_retry_runsEveryBranchAgain() {
        Execution run = tester.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
                  "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 2, "MaxAttempts": 2}],
                  "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Flaky"}}}]}}}""", "{}");

        assertThat(events(run, "ParallelStateStarted")).extracting(e -> e.timestamp().getEpochSecond() - WorkflowTester.T0.getEpochSecond())
                .containsExactly(0L, 2L, 6L);
        assertThat(run.error()).contains("Flaky");
    }

    @Test
    void branches_seeOuterVariables_butTheirAssignmentsStayInside() {
        Execution run = tester.run("""
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Assign": {"outer": "visible"}, "Next": "P"},
                  "P": {"Type": "Parallel", "Branches": [
                      {"StartAt": "B", "States": {"B": {"Type": "Pass", "Parameters": {"seen.$": "$outer"},
                                                         "Assign": {"outer": "changed inside"}, "End": true}}}],
                    "Next": "After"},
                  "After": {"Type": "Pass", "Parameters": {"branches.$": "$", "outer.$": "$outer"}, "End": true}}}""", "{}");

        assertThat(output(run)).isEqualTo(json("{\"branches\": [{\"seen\": \"visible\"}], \"outer\": \"visible\"}"));
    }

    @Test
    void stopExecution_abortsTheBranchesAndTheExecution() throws Exception {
        try (WorkflowTester realTime = new WorkflowTesterRealTime().tester()) {
            String arn = realTime.stateMachine("""
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}]}}}""");
            Execution execution = realTime.engine().startExecution(arn, "to-stop", "{}");
            waitUntilEntered(execution, "WaitStateEntered");

            assertThat(execution.stop(java.util.Optional.of("Stopped"), java.util.Optional.of("by the test"))).isTrue();
            Execution stopped = execution.await(Duration.ofSeconds(10));

            assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(WorkflowTester.types(stopped)).containsSubsequence("ParallelStateAborted", "ExecutionAborted");
            assertThat(details(events(stopped, "ExecutionAborted").getFirst()))
                    .isEqualTo(Json.parse("{\"error\": \"Stopped\", \"cause\": \"by the test\"}"));
        }
    }

    static void waitUntilEntered(Execution execution, String eventType) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (events(execution, eventType).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(eventType + " not recorded within 10 s");
            }
            Thread.sleep(5);
        }
    }

    /** Real time, for tests that must catch an execution while it waits. */
    private static final class WorkflowTesterRealTime {
        WorkflowTester tester() {
            return WorkflowTester.realTime();
        }
    }
}
