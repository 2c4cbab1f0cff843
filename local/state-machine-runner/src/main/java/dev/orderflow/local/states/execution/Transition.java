package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.State;

import java.util.Optional;

/** Where a state visit leads: the next state (none when the graph ends here) and the output it passes on. */
record Transition(Optional<String> next, JsonNode output) {

    static Transition after(State state, JsonNode output) {
        return new Transition(state.common().next(), output);
    }

    static Transition to(String next, JsonNode output) {
        return new Transition(Optional.of(next), output);
    }

    static Transition end(JsonNode output) {
        return new Transition(Optional.empty(), output);
    }
}
