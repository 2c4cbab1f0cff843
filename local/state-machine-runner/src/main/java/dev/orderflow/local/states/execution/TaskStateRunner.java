package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockTestCase;
import dev.orderflow.local.states.mock.MockedResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs Task states: evaluates the arguments, calls the resource (or its mocked response) within TimeoutSeconds,
 * and records the attempt as Step Functions does ({@code TaskScheduled}, {@code TaskStarted},
 * {@code TaskSucceeded | TaskFailed | TaskTimedOut}, or the {@code LambdaFunction*} events for a plain function
 * ARN).
 */
final class TaskStateRunner {

    private TaskStateRunner() {
    }

    static Transition run(State.Task task, StateVisit visit) {
        DataFlow flow = DataFlow.of(visit);
        TaskResource resource = TaskResource.parse(task.resource());
        return RetryAndCatch.run(visit, flow, task.errorHandling(), () -> attempt(task, resource, visit, flow));
    }

    private static JsonNode attempt(State.Task task, TaskResource resource, StateVisit visit, DataFlow flow) {
        JsonNode arguments = flow.arguments();
        Optional<Integer> timeout = timeoutSeconds(task, flow, visit);
        Strand strand = visit.strand();
        scheduled(resource, arguments, timeout, visit);
        strand.record(resource.isLegacyLambda() ? "LambdaFunctionStarted" : "TaskStarted",
                resource.isLegacyLambda() ? Json.object() : resourceDetails(resource));
        try {
            JsonNode result = perform(task, resource, arguments, timeout, visit);
            ObjectNode details = resource.isLegacyLambda() ? Json.object() : resourceDetails(resource);
            details.put("output", Json.write(result));
            details.putObject("outputDetails").put("truncated", false);
            strand.record(resource.isLegacyLambda() ? "LambdaFunctionSucceeded" : "TaskSucceeded", details);
            return result;
        } catch (StatesError error) {
            boolean timedOut = error.error().equals(ErrorNames.TIMEOUT);
            ObjectNode details = resource.isLegacyLambda() ? Json.object() : resourceDetails(resource);
            details.put("error", error.error());
            error.cause().ifPresent(cause -> details.put("cause", cause));
            String outcome = timedOut ? "TimedOut" : "Failed";
            strand.record((resource.isLegacyLambda() ? "LambdaFunction" : "Task") + outcome, details);
            throw error;
        }
    }

    private static void scheduled(TaskResource resource, JsonNode arguments, Optional<Integer> timeout, StateVisit visit) {
        ObjectNode details;
        if (resource.isLegacyLambda()) {
            details = Json.object();
            details.put("resource", resource.arn());
            details.put("input", Json.write(arguments));
            details.putObject("inputDetails").put("truncated", false);
            timeout.ifPresent(seconds -> details.put("timeoutInSeconds", seconds));
            visit.strand().record("LambdaFunctionScheduled", details);
        } else {
            details = resourceDetails(resource);
            details.put("region", visit.scope().region());
            details.put("parameters", Json.write(arguments));
            timeout.ifPresent(seconds -> details.put("timeoutInSeconds", seconds));
            visit.strand().record("TaskScheduled", details);
        }
    }

    private static ObjectNode resourceDetails(TaskResource resource) {
        ObjectNode details = Json.object();
        details.put("resourceType", resource.resourceType());
        details.put("resource", resource.resource());
        return details;
    }

    private static Optional<Integer> timeoutSeconds(State.Task task, DataFlow flow, StateVisit visit) {
        if (task.timeoutSecondsPath().isPresent()) {
            String path = task.timeoutSecondsPath().get();
            JsonNode value = flow.pathValue(path).orElseThrow(() -> visit.runtimeError(
                    "The TimeoutSecondsPath parameter does not reference an input value: " + path));
            if (!value.isIntegralNumber() || value.longValue() <= 0) {
                throw visit.runtimeError("The TimeoutSecondsPath field refers to value "
                        + Json.write(value) + " which is not a positive integer: " + task.timeoutSecondsPath().get());
            }
            return Optional.of(value.intValue());
        }
        return task.timeoutSeconds().map(field -> {
            JsonNode value = flow.field(field, "TimeoutSeconds");
            if (!value.isIntegralNumber() || value.longValue() <= 0) {
                throw visit.runtimeError("TimeoutSeconds must be a positive integer, was "
                        + Json.write(value));
            }
            return value.intValue();
        });
    }

    /** The mocked response when the test case mocks this state; the real resource otherwise. */
    private static JsonNode perform(State.Task task, TaskResource resource, JsonNode arguments,
                                    Optional<Integer> timeout, StateVisit visit) {
        ExecutionScope scope = visit.scope();
        Optional<MockTestCase> mocks = scope.mocks();
        Optional<MockedResponse> mocked = mocks.flatMap(testCase -> testCase.responseFor(task.name()));
        if (mocked.isPresent()) {
            int invocation = scope.nextMockInvocation(task.name());
            return switch (mocked.get().forInvocation(invocation).orElseThrow(() -> visit.runtimeError(
                    "The mocked response '" + mocked.get().name() + "' of test case '" + mocks.get().name()
                            + "' has no response for invocation " + invocation + " of state '" + task.name() + "'"))) {
                case MockedResponse.Return(JsonNode value) -> value;
                case MockedResponse.Throw(String error, String cause) -> throw StatesError.of(error, cause);
            };
        }
        return callWithin(resource, arguments, timeout, visit);
    }

    /**
     * Calls the resource on this strand's own thread, within TimeoutSeconds and the execution's deadline (a
     * watchdog interrupts the call when its time is up); a stop of the execution ends the wait for it at once.
     */
    private static JsonNode callWithin(TaskResource resource, JsonNode arguments, Optional<Integer> timeout,
                                       StateVisit visit) {
        Optional<Duration> limit = timeout.map(Duration::ofSeconds);
        Optional<Duration> executionLeft = visit.strand().timeLeft();
        boolean executionDeadlineFirst = executionLeft.isPresent()
                && (limit.isEmpty() || executionLeft.get().compareTo(limit.get()) < 0);
        Duration wait = executionDeadlineFirst ? executionLeft.get() : limit.orElse(null);
        long deadlineMillis = wait == null ? Long.MAX_VALUE : System.currentTimeMillis() + wait.toMillis();
        TaskWatchdog.Guard guard = TaskWatchdog.arm(wait);
        RuntimeException failure = null;
        JsonNode result = null;
        try {
            result = visit.scope().tasks().invoke(resource, arguments, deadlineMillis);
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean inTime = guard.endedInTime();
        if (visit.scope().stopRequested()) {
            Thread.interrupted();
            throw new ExecutionStopped.Aborted();
        }
        if (!inTime) {
            throw executionDeadlineFirst ? new ExecutionStopped.TimedOut() : StatesError.of(ErrorNames.TIMEOUT, null);
        }
        return switch (failure) {
            case null -> result;
            case StatesError error -> throw error;
            case ExecutionStopped stopped -> throw stopped;
            default -> throw StatesError.of(ErrorNames.TASK_FAILED, String.valueOf(failure));
        };
    }
}
