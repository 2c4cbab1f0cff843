package dev.orderflow.local.states.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * A parsed and validated state machine.
 *
 * @param timeoutSeconds the execution's time limit, if any
 * @param source         the definition as written
 */
public record StateMachineDefinition(StateGraph graph, QueryLanguage queryLanguage, Optional<Integer> timeoutSeconds,
                                     JsonNode source) {
}
