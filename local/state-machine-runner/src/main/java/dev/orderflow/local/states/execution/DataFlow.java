package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.ChoiceRule;
import dev.orderflow.local.states.asl.QueryLanguage;
import dev.orderflow.local.states.asl.State;

import java.util.Map;
import java.util.Optional;

/**
 * How data moves through one state visit, in the state's query language. The interpreter asks the same questions
 * of every state (what is the input, what are the arguments, what becomes of the result, what is assigned) and
 * each language answers them its own way: JSONPath with InputPath, Parameters, ResultSelector, ResultPath and
 * OutputPath; JSONata with Arguments, Output and {@code $states}.
 * <p>
 * Values for Output and Assign are computed against the variables as they were when the state was entered;
 * assignments take effect when the state is left.
 */
sealed interface DataFlow permits JsonPathDataFlow, JsonataDataFlow {

    static DataFlow of(StateVisit visit) {
        return visit.state().language() == QueryLanguage.JSONATA
                ? new JsonataDataFlow(visit) : new JsonPathDataFlow(visit);
    }

    /** The input the state works on (JSONPath: after InputPath). */
    JsonNode effectiveInput();

    /** What a Task or Parallel passes on: Parameters or Arguments, or the effective input without them. */
    JsonNode arguments();

    /** A Pass state's result (JSONPath: Result, or Parameters over the input); JSONata Pass states have none. */
    Optional<JsonNode> passResult(State.Pass pass);

    /** The result as the rest of the state sees it (JSONPath: after ResultSelector). */
    JsonNode selectResult(JsonNode result);

    /** The state's output for a selected result (JSONPath: ResultPath, OutputPath; JSONata: Output). */
    JsonNode output(JsonNode selectedResult);

    /** The output of a state without a result (Choice, Wait, Succeed), or with another Output field (Choice rules). */
    JsonNode passThrough(Optional<JsonNode> outputField);

    /** The values of an Assign field; {@code result} is {@code $} (JSONPath) or {@code $states.result} (JSONata). */
    Map<String, JsonNode> assignments(Optional<JsonNode> assign, Optional<JsonNode> result);

    /** Where a matched catcher leads: the output for its Next state, and what it assigns. */
    Caught caught(State.Catcher catcher, StatesError error);

    /** A field that may hold a JSONata expression (Seconds, Error...), evaluated; a literal in JSONPath. */
    JsonNode field(JsonNode value, String location);

    /** A JSONPath {@code ...Path} field's value (SecondsPath, TimeoutSecondsPath...) in the effective input. */
    Optional<JsonNode> pathValue(String path);

    /** A JSONPath path-or-intrinsic field (ErrorPath, CausePath) evaluated on the effective input. */
    JsonNode pathOrCall(String expression, String field);

    /** A Map state's items. */
    JsonNode items(State.Map map);

    /** The input of one Map iteration: ItemSelector evaluated for the item, or the item itself. */
    JsonNode itemInput(State.Map map, int index, JsonNode item);

    /** Whether a Choice rule matches the state's input (a JSONata Condition, or JSONPath comparisons). */
    boolean matches(ChoiceRule rule, String location);

    record Caught(JsonNode output, Map<String, JsonNode> assigned) {
    }
}
