package dev.orderflow.local.states.asl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code StartAt} and {@code States}: the top level of a state machine, a Parallel branch or a Map's processor. */
public record StateGraph(String startAt, Map<String, State> states) {

    public StateGraph {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("validated definitions only name existing states: " + name);
        }
        return state;
    }
}
