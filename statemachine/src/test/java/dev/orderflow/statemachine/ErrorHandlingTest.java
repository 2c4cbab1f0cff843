package dev.orderflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Transient errors are retried with capped, jittered backoff; anything else that reaches a catcher gives the order
 * its final FAILED status; and no execution runs out of time before it can record that.
 */
class ErrorHandlingTest {

    /** The Lambda service errors AWS recommends retrying on every Lambda task. */
    private static final List<String> TRANSIENT_LAMBDA_ERRORS = List.of(
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException");

    /** Thrown by both functions when DynamoDB throttles or cannot be reached; the error name is the class name. */
    private static final String STORE_UNAVAILABLE = "dev.orderflow.ports.StoreUnavailableException";

    private static final String RECORD_FAILED = "RecordFailed";

    @Test
    void statesAll_standsAloneAndLast_inEveryRetryAndCatch() {
        OrderWorkflow.states().forEach((name, state) -> {
            for (String field : List.of("Retry", "Catch")) {
                JsonNode handlers = state.path(field);
                for (int i = 0; i < handlers.size(); i++) {
                    List<String> errors = errorNames(handlers.get(i));
                    assertThat(errors).as("%s.%s[%d].ErrorEquals", name, field, i).isNotEmpty();
                    if (errors.contains("States.ALL")) {
                        assertThat(errors).as("%s.%s[%d]: States.ALL stands alone", name, field, i)
                                .containsExactly("States.ALL");
                        assertThat(i).as("%s.%s: States.ALL comes last", name, field).isEqualTo(handlers.size() - 1);
                    }
                }
            }
        });
    }

    @Test
    void everyTask_retriesTransientLambdaErrors_withFullJitterAndACappedDelay() {
        OrderWorkflow.tasks().forEach((name, task) -> {
            Optional<JsonNode> retrier = retrierFor(task, TRANSIENT_LAMBDA_ERRORS);

            assertThat(retrier).as("%s retries the Lambda service errors", name).isPresent();
            assertBacksOffWithJitter(name, retrier.orElseThrow());
        });
    }

    @Test
    void everyTask_retriesAnUnavailableStore_withBackoff() {
        OrderWorkflow.tasks().forEach((name, task) -> {
            Optional<JsonNode> retrier = retrierFor(task, List.of(STORE_UNAVAILABLE));

            assertThat(retrier).as("%s retries %s", name, STORE_UNAVAILABLE).isPresent();
            assertBacksOffWithJitter(name, retrier.orElseThrow());
        });
    }

    @Test
    void everyTask_andTheWorkflow_haveATimeout() {
        assertThat(OrderWorkflow.definition().path("TimeoutSeconds").asInt()).isPositive();
        OrderWorkflow.tasks().forEach((name, task) ->
                assertThat(task.path("TimeoutSeconds").asInt()).as("%s TimeoutSeconds", name).isPositive());
    }

    @Test
    void executionTimeout_leavesRoomForEveryRetryOnTheLongestPath() {
        JsonNode definition = OrderWorkflow.definition();

        double longestPath = worstCaseSecondsFrom(definition.path("StartAt").asText());

        assertThat(longestPath)
                .as("every attempt timing out and every delay at its cap must still leave time to record FAILED")
                .isLessThan(definition.path("TimeoutSeconds").asDouble());
    }

    @Test
    void everyTaskButRecordFailed_catchesEverythingIntoRecordFailed_keepingTheError() {
        OrderWorkflow.tasks().forEach((name, task) -> {
            if (name.equals(RECORD_FAILED)) {
                return;
            }
            JsonNode catchers = task.path("Catch");
            JsonNode last = catchers.path(catchers.size() - 1);

            assertThat(errorNames(last)).as("%s catches everything", name).containsExactly("States.ALL");
            assertThat(last.path("Next").asText()).as("%s catcher", name).isEqualTo(RECORD_FAILED);
            assertThat(last.path("Assign").path("failure").asText()).as("%s keeps the error", name)
                    .isEqualTo("{% $states.errorOutput %}");
        });
    }

    @Test
    void recordChangeCatcher_forgetsTheVersion_becauseNothingWasRecorded() {
        JsonNode catcher = OrderWorkflow.state("RecordChange").path("Catch").path(0);

        assertThat(catcher.path("Assign").has("version")).isTrue();
        assertThat(catcher.path("Assign").path("version").isNull()).isTrue();
    }

    @Test
    void recordFailed_catchesNothing_andFailsTheExecution() {
        JsonNode recordFailed = OrderWorkflow.state(RECORD_FAILED);

        assertThat(recordFailed.has("Catch")).isFalse();
        assertThat(OrderWorkflow.state(recordFailed.path("Next").asText()).path("Type").asText()).isEqualTo("Fail");
    }

    private static void assertBacksOffWithJitter(String taskName, JsonNode retrier) {
        assertThat(retrier.path("IntervalSeconds").asInt()).as("%s IntervalSeconds", taskName).isPositive();
        assertThat(retrier.path("MaxAttempts").asInt()).as("%s MaxAttempts", taskName).isPositive();
        assertThat(retrier.path("BackoffRate").asDouble()).as("%s BackoffRate", taskName).isEqualTo(2.0);
        assertThat(retrier.path("MaxDelaySeconds").asInt()).as("%s MaxDelaySeconds", taskName).isPositive();
        assertThat(retrier.path("JitterStrategy").asText()).as("%s JitterStrategy", taskName).isEqualTo("FULL");
    }

    private static Optional<JsonNode> retrierFor(JsonNode task, List<String> errors) {
        for (JsonNode retrier : task.path("Retry")) {
            if (errorNames(retrier).containsAll(errors)) {
                return Optional.of(retrier);
            }
        }
        return Optional.empty();
    }

    private static List<String> errorNames(JsonNode handler) {
        var names = new ArrayList<String>();
        handler.path("ErrorEquals").forEach(error -> names.add(error.asText()));
        return names;
    }

    /** The longest time from entering {@code stateName} to the end of the execution, when everything goes wrong slowly. */
    private static double worstCaseSecondsFrom(String stateName) {
        JsonNode state = OrderWorkflow.state(stateName);
        double longestAfter = 0;
        for (String next : OrderWorkflow.transitions(state)) {
            longestAfter = Math.max(longestAfter, worstCaseSecondsFrom(next));
        }
        return worstCaseSecondsIn(state) + longestAfter;
    }

    /**
     * Every attempt a task's retriers allow (each retrier counts its own), each running to TimeoutSeconds, with the
     * longest delay before each retry: IntervalSeconds * BackoffRate^n, capped at MaxDelaySeconds. Full jitter only
     * ever shortens a delay. Defaults are those of the States Language (1 s, 3 attempts, rate 2).
     */
    private static double worstCaseSecondsIn(JsonNode state) {
        if (!state.path("Type").asText().equals("Task")) {
            return 0;
        }
        int attempts = 1;
        double delays = 0;
        for (JsonNode retrier : state.path("Retry")) {
            int maxAttempts = retrier.path("MaxAttempts").asInt(3);
            double interval = retrier.path("IntervalSeconds").asDouble(1);
            double rate = retrier.path("BackoffRate").asDouble(2);
            double cap = retrier.path("MaxDelaySeconds").asDouble(Double.MAX_VALUE);
            attempts += maxAttempts;
            for (int retry = 0; retry < maxAttempts; retry++) {
                delays += Math.min(interval * Math.pow(rate, retry), cap);
            }
        }
        return attempts * state.path("TimeoutSeconds").asDouble() + delays;
    }
}
