package dev.orderflow.local.states;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.HistoryEvent;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockConfig;
import dev.orderflow.local.states.time.StatesClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: an engine on a virtual clock fixed at {@link #T0} (so every timestamp in a history is exact and
 * work takes no time), with seeded jitter, that runs a definition to its end in one call.
 */
public final class WorkflowTester implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicInteger MACHINES = new AtomicInteger();

    private final StepFunctionsEngine engine;

    private WorkflowTester(StepFunctionsEngine engine) {
        this.engine = engine;
    }

    public static WorkflowTester create() {
        return new WorkflowTester(builder().build());
    }

    /** Real time: waits really wait (for tests that stop an execution while it waits). */
    public static WorkflowTester realTime() {
        return new WorkflowTester(StepFunctionsEngine.builder().clock(StatesClock.system()).build());
    }

    public static WorkflowTester withMocks(String mockConfig) {
        return new WorkflowTester(builder().mockConfig(MockConfig.parse(mockConfig)).build());
    }

    public static StepFunctionsEngine.Builder builder() {
        return StepFunctionsEngine.builder()
                .clock(StatesClock.virtual(Clock.fixed(T0, ZoneOffset.UTC)))
                .random(new Random(7));
    }

    public StepFunctionsEngine engine() {
        return engine;
    }

    public WorkflowTester function(String name, RequestStreamHandler handler) {
        engine.registerFunction(name, handler);
        return this;
    }

    public String stateMachine(String definition) {
        return engine.createStateMachine("machine-" + MACHINES.incrementAndGet(), definition);
    }

    /** Creates a state machine from {@code definition} and runs one execution of it to its end. */
    public Execution run(String definition, String input) {
        return runArn(stateMachine(definition), input);
    }

    public Execution runArn(String stateMachineArn, String input) {
        try {
            return engine.runExecution(stateMachineArn, null, input, Duration.ofSeconds(20));
        } catch (TimeoutException | InterruptedException e) {
            throw new AssertionError("the execution did not finish", e);
        }
    }

    /** The execution's output as compact JSON text. */
    public static String output(Execution execution) {
        return execution.output().map(Json::write).orElse("<no output>");
    }

    /** JSON text in the compact form {@link #output} uses, for comparisons. */
    public static String json(String text) {
        return Json.write(Json.parse(text));
    }

    public static List<HistoryEvent> events(Execution execution, String type) {
        return execution.history().events().stream().filter(e -> e.type().equals(type)).toList();
    }

    public static List<String> types(Execution execution) {
        return execution.history().events().stream().map(HistoryEvent::type).toList();
    }

    public static ObjectNode details(HistoryEvent event) {
        return event.details().orElseThrow();
    }

    /** The input a state was entered with, as JSON. */
    public static JsonNode enteredInput(Execution execution, String stateName) {
        return execution.history().events().stream()
                .filter(e -> e.type().endsWith("StateEntered") && details(e).path("name").asText().equals(stateName))
                .map(e -> Json.parse(details(e).get("input").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("state " + stateName + " was not entered"));
    }

    public static String resource(String path) {
        try (InputStream in = WorkflowTester.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** An engine that keeps only {@code retained} executions. */
    public record Small(int retained) {
        public WorkflowTester tester() {
            return new WorkflowTester(builder().retainedExecutions(retained).build());
        }
    }
}
