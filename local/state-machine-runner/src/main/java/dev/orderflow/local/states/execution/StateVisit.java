package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.jsonata.JsonataExpressions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One visit of a state: its raw input, when it was entered (and the id of that event, which error causes cite),
 * the strand it runs on, and how often it has been retried so far.
 */
final class StateVisit {

    /** Step Functions' limit on what passes between states (256 KiB). */
    static final int MAX_PAYLOAD_BYTES = 262_144;

    private final State state;
    private final JsonNode input;
    private final Strand strand;
    private final long enteredEventId;
    private final Instant enteredTime;
    private int retryCount;

    private StateVisit(State state, JsonNode input, Strand strand, long enteredEventId, Instant enteredTime) {
        this.state = state;
        this.input = input;
        this.strand = strand;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    /** Enters {@code state}: records its {@code <Type>StateEntered} event. */
    static StateVisit enter(State state, JsonNode input, Strand strand) {
        strand.checkpoint();
        ObjectNode details = Json.object();
        details.put("name", state.name());
        details.put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        Instant entered = strand.now();
        long id = strand.record(state.common().type() + "StateEntered", details);
        return new StateVisit(state, input, strand, id, entered);
    }

    /** Leaves the state: records {@code <Type>StateExited} with the output and the variables it assigned. */
    void exit(JsonNode output, Map<String, JsonNode> assigned) {
        String outputText = Json.write(output);
        if (outputText.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw StatesError.of(ErrorNames.DATA_LIMIT_EXCEEDED, "The state '" + state.name()
                    + "' produced an output with a size exceeding the maximum number of bytes service limit ("
                    + MAX_PAYLOAD_BYTES + ").");
        }
        ObjectNode details = Json.object();
        details.put("name", state.name());
        details.put("output", outputText);
        details.putObject("outputDetails").put("truncated", false);
        if (!assigned.isEmpty()) {
            ObjectNode variables = details.putObject("assignedVariables");
            assigned.forEach((name, value) -> variables.put(name, Json.write(value)));
            details.putObject("assignedVariablesDetails").put("truncated", false);
        }
        strand.assign(assigned);
        strand.record(state.common().type() + "StateExited", details);
    }

    State state() {
        return state;
    }

    JsonNode input() {
        return input;
    }

    Strand strand() {
        return strand;
    }

    ExecutionScope scope() {
        return strand.scope();
    }

    void retried() {
        retryCount++;
    }

    ObjectNode context() {
        return ContextObject.of(scope(), state.name(), enteredTime,
                state instanceof State.Task ? retryCount : null);
    }

    /** A {@code States.Runtime} error in this state, with Step Functions' prefix naming it. */
    StatesError runtimeError(String message) {
        return StatesError.of(ErrorNames.RUNTIME, decorate(message));
    }

    /** A JSONata failure: recorded as an EvaluationFailed event, raised as States.QueryEvaluationError. */
    StatesError evaluationError(JsonataExpressions.JsonataFailure failure) {
        String cause = decorate(failure.getMessage());
        ObjectNode details = Json.object();
        details.put("error", ErrorNames.QUERY_EVALUATION_ERROR);
        details.put("cause", cause);
        details.put("location", failure.location());
        details.put("state", state.name());
        strand.recordUnlinked("EvaluationFailed", details);
        return StatesError.of(ErrorNames.QUERY_EVALUATION_ERROR, cause);
    }

    private String decorate(String message) {
        return "An error occurred while executing the state '" + state.name() + "' (entered at the event id #"
                + enteredEventId + "). " + message;
    }
}
