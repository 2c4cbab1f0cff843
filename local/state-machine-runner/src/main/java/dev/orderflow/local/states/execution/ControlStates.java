package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.asl.QueryLanguage;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.jsonata.JsonataExpressions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** The states that steer the flow without calling anything: Pass, Choice, Wait, Succeed and Fail. */
final class ControlStates {

    private static final long MAX_WAIT_SECONDS = 31_536_000L;

    private ControlStates() {
    }

    static Transition pass(State.Pass pass, StateVisit visit) {
        DataFlow flow = DataFlow.of(visit);
        Optional<JsonNode> result = flow.passResult(pass);
        JsonNode output = result.map(flow::output).orElseGet(() -> flow.passThrough(Optional.empty()));
        Map<String, JsonNode> assigned = flow.assignments(pass.common().assign(), result);
        visit.exit(output, assigned);
        return Transition.after(pass, output);
    }

    /** The first matching rule decides (its Assign and Output replace the state's); otherwise Default. */
    static Transition choice(State.Choice choice, StateVisit visit) {
        DataFlow flow = DataFlow.of(visit);
        for (int i = 0; i < choice.choices().size(); i++) {
            State.ChoiceBranch branch = choice.choices().get(i);
            if (flow.matches(branch.rule(), "Choices[" + i + "]/Condition")) {
                return leaveChoice(visit, flow, branch.next(), branch.output(),
                        branch.assign().or(() -> choice.common().assign()));
            }
        }
        String next = choice.defaultNext().orElseThrow(() -> StatesError.of(ErrorNames.NO_CHOICE_MATCHED,
                "No Matches! No choice rule of state '" + choice.name() + "' matched, and it has no Default"));
        return leaveChoice(visit, flow, next, Optional.empty(), choice.common().assign());
    }

    private static Transition leaveChoice(StateVisit visit, DataFlow flow, String next, Optional<JsonNode> outputField,
                                          Optional<JsonNode> assign) {
        JsonNode output = flow.passThrough(outputField);
        Map<String, JsonNode> assigned = flow.assignments(assign, Optional.empty());
        visit.exit(output, assigned);
        return Transition.to(next, output);
    }

    static Transition waitState(State.Wait wait, StateVisit visit) {
        DataFlow flow = DataFlow.of(visit);
        visit.strand().sleep(delay(wait, flow, visit));
        JsonNode output = flow.passThrough(Optional.empty());
        Map<String, JsonNode> assigned = flow.assignments(wait.common().assign(), Optional.empty());
        visit.exit(output, assigned);
        return Transition.after(wait, output);
    }

    private static Duration delay(State.Wait wait, DataFlow flow, StateVisit visit) {
        boolean jsonata = wait.language() == QueryLanguage.JSONATA;
        if (wait.seconds().isPresent()) {
            JsonNode seconds = flow.field(wait.seconds().get(), "Seconds");
            if (!seconds.isIntegralNumber() || seconds.longValue() < 0) {
                throw waitError(visit, jsonata, "Seconds", "The Seconds field must be a non-negative integer, was: "
                        + Json.write(seconds));
            }
            return seconds(seconds.longValue(), visit);
        }
        if (wait.timestamp().isPresent()) {
            JsonNode timestamp = flow.field(wait.timestamp().get(), "Timestamp");
            return until(timestamp.asText(), visit).orElseThrow(() -> waitError(visit, jsonata, "Timestamp",
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                            + timestamp.asText()));
        }
        if (wait.secondsPath().isPresent()) {
            String path = wait.secondsPath().get();
            JsonNode seconds = flow.pathValue(path).orElseThrow(() -> visit.runtimeError(
                    "The SecondsPath parameter does not reference an input value: " + path));
            if (!seconds.isNumber() || seconds.decimalValue().stripTrailingZeros().scale() > 0) {
                throw visit.runtimeError("The SecondsPath parameter cannot be parsed as a long value: " + path
                        + " == " + Json.write(seconds));
            }
            if (seconds.decimalValue().signum() < 0) {
                throw visit.runtimeError("The SecondsPath parameter references a negative value: " + path
                        + " == " + Json.write(seconds));
            }
            return seconds(seconds.longValue(), visit);
        }
        String path = wait.timestampPath().orElseThrow();
        JsonNode timestamp = flow.pathValue(path).orElseThrow(() -> visit.runtimeError(
                "The TimestampPath parameter does not reference an input value: " + path));
        return until(timestamp.asText(), visit).orElseThrow(() -> visit.runtimeError("The TimestampPath parameter "
                + "does not reference a valid ISO-8601 extended offset date-time format string: " + path + " == "
                + timestamp.asText()));
    }

    private static Duration seconds(long seconds, StateVisit visit) {
        if (seconds > MAX_WAIT_SECONDS) {
            throw visit.runtimeError("Wait state delay is too long.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static Optional<Duration> until(String timestamp, StateVisit visit) {
        try {
            Instant target = OffsetDateTime.parse(timestamp).toInstant();
            Duration left = Duration.between(visit.strand().now(), target);
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static StatesError waitError(StateVisit visit, boolean jsonata, String field, String message) {
        return jsonata ? visit.evaluationError(new JsonataExpressions.JsonataFailure(message, field))
                : visit.runtimeError(message);
    }

    static Transition succeed(State.Succeed succeed, StateVisit visit) {
        JsonNode output = DataFlow.of(visit).passThrough(Optional.empty());
        visit.exit(output, Map.of());
        return Transition.end(output);
    }

    /** Fails the branch (or the execution) with the state's Error and Cause. */
    static Transition fail(State.Fail fail, StateVisit visit) {
        DataFlow flow = DataFlow.of(visit);
        String error = text(fail.errorPath().map(path -> flow.pathOrCall(path, "ErrorPath"))
                .or(() -> fail.error().map(value -> flow.field(value, "Error"))), "Error", visit);
        String cause = text(fail.causePath().map(path -> flow.pathOrCall(path, "CausePath"))
                .or(() -> fail.cause().map(value -> flow.field(value, "Cause"))), "Cause", visit);
        throw StatesError.of(error, cause);
    }

    private static String text(Optional<JsonNode> value, String field, StateVisit visit) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().isTextual()) {
            throw visit.runtimeError("The " + field + " of a Fail state must be a string, was: " + Json.write(value.get()));
        }
        return value.get().textValue();
    }
}
