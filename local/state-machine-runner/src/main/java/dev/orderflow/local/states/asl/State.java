package dev.orderflow.local.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * One state of a workflow. Every state has the {@link Common} fields; each type adds its own. Field values that
 * are templates or expressions (Parameters, Arguments, Output, Assign...) stay JSON: the interpreter evaluates them
 * in the state's query language.
 */
public sealed interface State {

    Common common();

    default String name() {
        return common().name();
    }

    default QueryLanguage language() {
        return common().language();
    }

    /** The fields every state may have, whatever its type (within what its type and language allow). */
    record Common(String name, String type, QueryLanguage language, Optional<String> next, Io io,
                  Optional<JsonNode> assign) {
    }

    /**
     * The data-flow fields. JSONPath: {@code inputPath}/{@code outputPath} default to {@code "$"} and are empty when
     * written as {@code null} (the state then sees {@code {}}); {@code resultPath} is empty when written as
     * {@code null} (the result is discarded). JSONata: {@code arguments} and {@code output}.
     */
    record Io(Optional<String> inputPath, Optional<String> outputPath, Optional<String> resultPath,
              Optional<JsonNode> parameters, Optional<JsonNode> resultSelector,
              Optional<JsonNode> arguments, Optional<JsonNode> output) {

        public static final String ROOT = "$";
    }

    /** Retry and Catch, on Task, Parallel and Map states. */
    record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
        public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());
    }

    enum JitterStrategy { FULL, NONE }

    record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                   Optional<Integer> maxDelaySeconds, JitterStrategy jitterStrategy) {
    }

    /** A catcher; {@code resultPath} as on a state (JSONPath), {@code output}/{@code assign} for JSONata. */
    record Catcher(List<String> errorEquals, String next, Optional<String> resultPath, Optional<JsonNode> output,
                   Optional<JsonNode> assign) {
    }

    record Pass(Common common, Optional<JsonNode> result) implements State {
    }

    /**
     * @param timeoutSeconds a number, or a JSONata expression string
     */
    record Task(Common common, String resource, Optional<JsonNode> timeoutSeconds, Optional<String> timeoutSecondsPath,
                Optional<JsonNode> heartbeatSeconds, Optional<String> heartbeatSecondsPath,
                ErrorHandling errorHandling) implements State {
    }

    record Choice(Common common, List<ChoiceBranch> choices, Optional<String> defaultNext) implements State {
    }

    /** A top-level choice rule: the rule, where it leads, and (variables) what it assigns and outputs. */
    record ChoiceBranch(ChoiceRule rule, String next, Optional<JsonNode> assign, Optional<JsonNode> output) {
    }

    record Wait(Common common, Optional<JsonNode> seconds, Optional<JsonNode> timestamp, Optional<String> secondsPath,
                Optional<String> timestampPath) implements State {
    }

    record Succeed(Common common) implements State {
    }

    record Fail(Common common, Optional<JsonNode> error, Optional<JsonNode> cause, Optional<String> errorPath,
                Optional<String> causePath) implements State {
    }

    record Parallel(Common common, List<StateGraph> branches, ErrorHandling errorHandling) implements State {
    }

    /**
     * An inline Map state.
     *
     * @param itemSelector   ItemSelector (or the legacy Parameters) evaluated per item
     * @param items          JSONata {@code Items}
     * @param maxConcurrency a number, or a JSONata expression string; 0 means no limit
     */
    record Map(Common common, Optional<String> itemsPath, Optional<JsonNode> items, Optional<JsonNode> itemSelector,
               StateGraph processor, Optional<JsonNode> maxConcurrency, Optional<String> maxConcurrencyPath,
               ErrorHandling errorHandling) implements State {
    }
}
