package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.asl.StateMachineDefinition;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockTestCase;
import dev.orderflow.local.states.time.StatesClock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Starts executions, each on its own virtual thread, and closes them as Step Functions does: SUCCEEDED with the
 * last state's output, FAILED with the error that nothing caught, TIMED_OUT past the definition's TimeoutSeconds,
 * ABORTED when stopped. The caller gets the {@link Execution} at once.
 */
public final class ExecutionRunner {

    /** Step Functions' own limit on the events of one execution. */
    public static final int HISTORY_LIMIT = 25_000;

    private final StatesClock clock;
    private final TaskInvoker tasks;
    private final String region;
    private final RandomGenerator random;
    private final Interpreter interpreter = new Interpreter();

    public ExecutionRunner(StatesClock clock, TaskInvoker tasks, String region, RandomGenerator random) {
        this.clock = clock;
        this.tasks = tasks;
        this.region = region;
        this.random = random;
    }

    /**
     * Starts an execution and returns it, running.
     *
     * @param inputText the input as given; {@code input} is its parsed form
     * @param mocks     the mock-config test case selected for it, if any
     */
    public Execution start(Execution.Identity identity, StateMachineDefinition definition, String inputText,
                           JsonNode input, Optional<MockTestCase> mocks) {
        StatesClock.Timeline timeline = clock.startTimeline();
        Execution execution = new Execution(identity, inputText, input, timeline.now(), HISTORY_LIMIT);
        Thread thread = Thread.ofVirtual().name("execution-" + identity.name())
                .unstarted(() -> run(execution, definition, timeline, mocks));
        execution.runningOn(thread);
        thread.start();
        return execution;
    }

    private void run(Execution execution, StateMachineDefinition definition, StatesClock.Timeline timeline,
                     Optional<MockTestCase> mocks) {
        Optional<Instant> deadline = definition.timeoutSeconds()
                .map(seconds -> execution.startDate().plus(Duration.ofSeconds(seconds)));
        ExecutionScope scope = new ExecutionScope(execution, tasks, region, mocks, deadline, random);
        Strand strand = new Strand(scope, timeline, new HashMap<>(), 0);
        ObjectNode started = Json.object();
        started.put("input", execution.inputText());
        started.putObject("inputDetails").put("truncated", false);
        started.put("roleArn", execution.identity().roleArn());
        execution.history().append("ExecutionStarted", Optional.of(started), 0, execution.startDate(), false);
        try {
            JsonNode output = interpreter.run(definition.graph(), execution.input(), strand);
            ObjectNode details = Json.object();
            details.put("output", Json.write(output));
            details.putObject("outputDetails").put("truncated", false);
            close(execution, strand, ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", details, output, null, null);
        } catch (StatesError error) {
            fail(execution, strand, error.error(), error.cause().orElse(null));
        } catch (ExecutionStopped.TimedOut timedOut) {
            ObjectNode details = Json.object();
            details.put("error", ErrorNames.TIMEOUT);
            close(execution, strand, ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", details, null, ErrorNames.TIMEOUT, null);
        } catch (ExecutionStopped.Aborted aborted) {
            Execution.StopRequest request = execution.stopRequest().orElse(
                    new Execution.StopRequest(Optional.empty(), Optional.empty()));
            ObjectNode details = Json.object();
            request.error().ifPresent(error -> details.put("error", error));
            request.cause().ifPresent(cause -> details.put("cause", cause));
            Thread.interrupted();
            Instant now = strand.now();
            execution.history().append("ExecutionAborted", Optional.of(details), 0, now, true);
            execution.close(ExecutionStatus.ABORTED, now, null, request.error().orElse(null), request.cause().orElse(null));
        } catch (RuntimeException unexpected) {
            fail(execution, strand, ErrorNames.RUNTIME, "Internal error in the local runner: " + unexpected);
        }
    }

    private static void fail(Execution execution, Strand strand, String error, String cause) {
        ObjectNode details = Json.object();
        if (!error.isEmpty()) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        close(execution, strand, ExecutionStatus.FAILED, "ExecutionFailed", details, null,
                error.isEmpty() ? null : error, cause);
    }

    private static void close(Execution execution, Strand strand, ExecutionStatus status, String type,
                              ObjectNode details, JsonNode output, String error, String cause) {
        Instant now = strand.now();
        execution.history().append(type, Optional.of(details), strand.lastEventId(), now, true);
        execution.close(status, now, output, error, cause);
    }
}
