package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockTestCase;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/** What every strand of one execution shares: the execution, its tasks, mocks, deadline and context object. */
final class ExecutionScope {

    private final Execution execution;
    private final TaskInvoker tasks;
    private final String region;
    private final Optional<MockTestCase> mocks;
    private final Optional<Instant> deadline;
    private final RandomGenerator random;
    private final ObjectNode contextExecution;
    private final ObjectNode contextStateMachine;
    private final Map<String, AtomicInteger> mockInvocations = new ConcurrentHashMap<>();

    ExecutionScope(Execution execution, TaskInvoker tasks, String region,
                   Optional<MockTestCase> mocks, Optional<Instant> deadline, RandomGenerator random) {
        this.execution = execution;
        this.tasks = tasks;
        this.region = region;
        this.mocks = mocks;
        this.deadline = deadline;
        this.random = random;
        Execution.Identity id = execution.identity();
        this.contextExecution = Json.object();
        contextExecution.put("Id", id.arn());
        contextExecution.set("Input", execution.input());
        contextExecution.put("StartTime", ContextObject.timestamp(execution.startDate()));
        contextExecution.put("Name", id.name());
        contextExecution.put("RoleArn", id.roleArn());
        contextExecution.put("RedriveCount", 0);
        this.contextStateMachine = Json.object();
        contextStateMachine.put("Id", id.stateMachineArn());
        contextStateMachine.put("Name", id.stateMachineName());
    }

    Execution execution() {
        return execution;
    }

    TaskInvoker tasks() {
        return tasks;
    }

    String region() {
        return region;
    }

    Optional<MockTestCase> mocks() {
        return mocks;
    }

    Optional<Instant> deadline() {
        return deadline;
    }

    RandomGenerator random() {
        return random;
    }

    ObjectNode contextExecution() {
        return contextExecution;
    }

    ObjectNode contextStateMachine() {
        return contextStateMachine;
    }

    boolean stopRequested() {
        return execution.stopRequest().isPresent();
    }

    /** The next invocation index (from 0) of a mocked state, counted over the whole execution. */
    int nextMockInvocation(String stateName) {
        return mockInvocations.computeIfAbsent(stateName, name -> new AtomicInteger()).getAndIncrement();
    }
}
