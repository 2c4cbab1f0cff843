package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution: who it is, what it was given, and (once closed) how it ended, with its history. Safe to read
 * from any thread while it runs; {@link #stop} ends it as StopExecution does.
 */
public final class Execution {

    /** The names and ARNs of an execution and of its state machine. */
    public record Identity(String arn, String name, String stateMachineArn, String stateMachineName, String roleArn) {
    }

    private final Identity identity;
    private final String inputText;
    private final JsonNode input;
    private final Instant startDate;
    private final ExecutionHistory history;
    private final CompletableFuture<Execution> completion = new CompletableFuture<>();

    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant stopDate;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;
    private volatile StopRequest stopRequest;
    private volatile Thread runner;

    record StopRequest(Optional<String> error, Optional<String> cause) {
    }

    Execution(Identity identity, String inputText, JsonNode input, Instant startDate, int historyLimit) {
        this.identity = identity;
        this.inputText = inputText;
        this.input = input;
        this.startDate = startDate;
        this.history = new ExecutionHistory(historyLimit);
    }

    public Identity identity() {
        return identity;
    }

    public String arn() {
        return identity.arn();
    }

    public String name() {
        return identity.name();
    }

    /** The input exactly as given to StartExecution. */
    public String inputText() {
        return inputText;
    }

    public JsonNode input() {
        return input;
    }

    public Instant startDate() {
        return startDate;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Optional<Instant> stopDate() {
        return Optional.ofNullable(stopDate);
    }

    public Optional<JsonNode> output() {
        return Optional.ofNullable(output);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<String> cause() {
        return Optional.ofNullable(cause);
    }

    public ExecutionHistory history() {
        return history;
    }

    public boolean isRunning() {
        return status == ExecutionStatus.RUNNING;
    }

    /** Completes when the execution closes, whatever its status. */
    public CompletableFuture<Execution> completion() {
        return completion;
    }

    /**
     * Waits for the execution to close.
     *
     * @throws TimeoutException when it is still running after {@code timeout}
     */
    public Execution await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("executions complete normally", e);
        }
    }

    /** Asks a running execution to stop (ABORTED); answers false when it has already closed. */
    public boolean stop(Optional<String> stopError, Optional<String> stopCause) {
        if (!isRunning()) {
            return false;
        }
        stopRequest = new StopRequest(stopError, stopCause);
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
        return true;
    }

    Optional<StopRequest> stopRequest() {
        return Optional.ofNullable(stopRequest);
    }

    void runningOn(Thread thread) {
        this.runner = thread;
    }

    void close(ExecutionStatus finalStatus, Instant at, JsonNode finalOutput, String finalError, String finalCause) {
        this.output = finalOutput;
        this.error = finalError;
        this.cause = finalCause;
        this.stopDate = at;
        this.status = finalStatus;
        completion.complete(this);
    }
}
