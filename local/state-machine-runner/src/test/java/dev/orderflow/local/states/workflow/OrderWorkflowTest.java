package dev.orderflow.local.states.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.execution.HistoryEvent;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.orderflow.local.states.WorkflowTester.details;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order workflow ({@code orderflow/statemachine/order-workflow.asl.json} from the orderflow-statemachine
 * artifact) under the Step Functions Local mock config in {@code workflows/order-workflow.mock.json}.
 */
class OrderWorkflowTest {

    private static final String INPUT = WorkflowTester.resource("workflows/order-change-create.json");

    private final WorkflowTester tester = WorkflowTester.withMocks(WorkflowTester.resource("workflows/order-workflow.mock.json"));
    private final String arn = tester.engine().createStateMachine("order-workflow",
            WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json"));

    @AfterEach
    void close() {
        tester.close();
    }

    private Execution run(String testCase) {
        return tester.runArn(arn + "#" + testCase, INPUT);
    }

    /** The states entered, in order. */
    private static List<String> path(Execution run) {
        return run.history().events().stream().filter(e -> e.type().endsWith("StateEntered"))
                .map(e -> details(e).get("name").asText()).toList();
    }

    /** The TaskScheduled event of each attempt of {@code state}. */
    private static List<HistoryEvent> scheduled(Execution run, String state) {
        List<HistoryEvent> scheduled = new ArrayList<>();
        String current = null;
        for (HistoryEvent event : run.history().events()) {
            if (event.type().endsWith("StateEntered")) {
                current = details(event).get("name").asText();
            } else if (event.type().equals("TaskScheduled") && state.equals(current)) {
                scheduled.add(event);
            }
        }
        return scheduled;
    }

    /** The Task arguments (lambda:invoke FunctionName and Payload) each attempt of {@code state} was scheduled with. */
    private static List<JsonNode> attempts(Execution run, String state) {
        return scheduled(run, state).stream().map(e -> Json.parse(details(e).get("parameters").asText())).toList();
    }

    private static List<Duration> waitsBetweenAttempts(Execution run, String state) {
        List<HistoryEvent> scheduled = scheduled(run, state);
        List<Duration> waits = new ArrayList<>();
        for (int i = 1; i < scheduled.size(); i++) {
            waits.add(Duration.between(scheduled.get(i - 1).timestamp(), scheduled.get(i).timestamp()));
        }
        return waits;
    }

    @Test
    void happyPath_recordsValidatesAndConfirmsTheVersionInFlight() {
        Execution run = run("HappyPath");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(path(run)).containsExactly("RecordChange", "IsRecorded", "Validate", "IsValid", "RecordConfirmed");
        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("CONFIRMED");
        JsonNode confirm = attempts(run, "RecordConfirmed").getFirst();
        assertThat(confirm.get("FunctionName").asText()).isEqualTo("${PersistOrderFunctionArn}");
        assertThat(confirm.get("Payload").get("action").asText()).isEqualTo("CONFIRM");
        assertThat(confirm.get("Payload").get("version").asInt()).isEqualTo(1);
        assertThat(confirm.get("Payload").get("pricing").get("total").get("amountMinor").asInt()).isEqualTo(1900);
        JsonNode record = attempts(run, "RecordChange").getFirst();
        assertThat(record.get("Payload")).isEqualTo(Json.parse("{\"action\": \"RECORD\", \"change\": " + INPUT + "}"));
    }

    @Test
    void rejected_recordsTheReasons() {
        Execution run = run("Rejected");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(path(run)).endsWith("IsValid", "RecordRejected");
        JsonNode reject = attempts(run, "RecordRejected").getFirst().get("Payload");
        assertThat(reject.get("action").asText()).isEqualTo("REJECT");
        assertThat(reject.get("reasons").get(0).get("code").asText()).isEqualTo("MENU_ITEM_UNAVAILABLE");
        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("REJECTED");
    }

    @Test
    void transientFailure_isRetriedWithJitteredBackoffThenSucceeds() {
        Execution run = run("TransientFailureThenSuccess");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(attempts(run, "RecordChange")).hasSize(3);
        List<Duration> waits = waitsBetweenAttempts(run, "RecordChange");
        assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void retriesExhausted_recordFailedWithTheErrorThenFailTheExecution() {
        Execution run = run("RetriesExhausted");

        assertThat(attempts(run, "Validate")).hasSize(6);
        List<Duration> waits = waitsBetweenAttempts(run, "Validate");
        long[] ceilings = {2, 4, 8, 16, 30};
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(ceilings[i]));
        }
        JsonNode fail = attempts(run, "RecordFailed").getFirst().get("Payload");
        assertThat(fail.get("action").asText()).isEqualTo("FAIL");
        assertThat(fail.get("version").asInt()).isEqualTo(1);
        assertThat(fail.get("error").get("Error").asText()).isEqualTo("dev.orderflow.ports.StoreUnavailableException");
        assertThat(fail.get("change")).isEqualTo(Json.parse(INPUT));
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("OrderFailed");
        assertThat(run.cause().orElseThrow()).startsWith("dev.orderflow.ports.StoreUnavailableException: {\"errorMessage\"");
        assertThat(path(run)).endsWith("Validate", "RecordFailed", "OrderFailed");
    }

    @Test
    void orderDeletedMidway_endsCleanlyWithTheDeletedOutcome() {
        Execution run = run("DeletedMidway");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("DELETED");
        assertThat(path(run)).endsWith("RecordConfirmed").doesNotContain("RecordFailed");
    }

    @Test
    void replaceOfAMissingOrder_endsWithoutValidating() {
        Execution run = run("ReplaceOfMissingOrder");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(path(run)).containsExactly("RecordChange", "IsRecorded", "ChangeNotApplied");
        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void unmockedInvocation_failsTheExecutionAsStepFunctionsLocalDoes() {
        try (WorkflowTester oneShot = WorkflowTester.withMocks("""
                {"StateMachines": {"order-workflow": {"TestCases": {"OneShot": {"RecordChange": "Throttled"}}}},
                 "MockedResponses": {"Throttled": {"0": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}}}}}""")) {
            String machine = oneShot.engine().createStateMachine("order-workflow",
                    WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json"));

            Execution run = oneShot.runArn(machine + "#OneShot", INPUT);

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.error()).contains("States.Runtime");
            assertThat(run.cause().orElseThrow()).contains("has no response for invocation 1 of state 'RecordChange'");
        }
    }
}
