package dev.orderflow.local.states.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine tells a listener of every execution once it has closed, as Step Functions tells EventBridge. */
class ExecutionClosedListenerTest {

    private static final String TASK = """
            {"StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:echo", "End": true}}}""";

    private static final RequestStreamHandler ECHO_OR_FAIL = (in, out, context) -> {
        String input = new String(in.readAllBytes());
        if (input.contains("fail")) {
            throw new IllegalStateException("asked to fail");
        }
        out.write(input.getBytes());
    };

    private static void awaitSize(List<?> list, int count) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (list.size() < count) {
            assertThat(Instant.now()).as("waiting for %d closed executions", count).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Test
    void listener_seesEveryClosedExecutionOnce_withItsFinalStatusAndInput() throws Exception {
        List<Execution> closed = new CopyOnWriteArrayList<>();
        try (StepFunctionsEngine engine = WorkflowTester.builder().onExecutionClosed(closed::add).build()) {
            engine.registerFunction("echo", ECHO_OR_FAIL);
            String machine = engine.createStateMachine("listened", TASK);

            engine.runExecution(machine, "ok", "{\"say\": \"hello\"}", Duration.ofSeconds(10));
            engine.runExecution(machine, "broken", "{\"say\": \"fail\"}", Duration.ofSeconds(10));

            awaitSize(closed, 2);
        }
        assertThat(closed).extracting(Execution::name).containsExactlyInAnyOrder("ok", "broken");
        assertThat(closed).filteredOn(e -> e.name().equals("ok")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        assertThat(closed).filteredOn(e -> e.name().equals("broken")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(e.error()).contains("java.lang.IllegalStateException");
            assertThat(e.inputText()).isEqualTo("{\"say\": \"fail\"}");
        });
    }

    @Test
    void aListenerThatThrows_changesNothingForTheExecutions() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (StepFunctionsEngine engine = WorkflowTester.builder().onExecutionClosed(execution -> {
            seen.add(execution.name());
            throw new IllegalStateException("listener broken");
        }).build()) {
            engine.registerFunction("echo", ECHO_OR_FAIL);
            String machine = engine.createStateMachine("listened-badly", TASK);

            Execution first = engine.runExecution(machine, "first", "{}", Duration.ofSeconds(10));
            Execution second = engine.runExecution(machine, "second", "{}", Duration.ofSeconds(10));

            assertThat(List.of(first.status(), second.status())).containsOnly(ExecutionStatus.SUCCEEDED);
            awaitSize(seen, 2);
        }
        assertThat(seen).containsExactlyInAnyOrder("first", "second");
    }
}
