package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.asl.StateGraph;

/**
 * Walks a graph of states from StartAt: enters each state, runs it according to its type, and follows its
 * transition until a state ends the graph. Returns the last output; a failure propagates as {@link StatesError}.
 */
final class Interpreter {

    JsonNode run(StateGraph graph, JsonNode input, Strand strand) {
        State state = graph.state(graph.startAt());
        JsonNode data = input;
        while (true) {
            Transition transition = visit(state, data, strand);
            data = transition.output();
            if (transition.next().isEmpty()) {
                return data;
            }
            state = graph.state(transition.next().get());
        }
    }

    private Transition visit(State state, JsonNode input, Strand strand) {
        StateVisit visit = StateVisit.enter(state, input, strand);
        return switch (state) {
            case State.Pass pass -> ControlStates.pass(pass, visit);
            case State.Choice choice -> ControlStates.choice(choice, visit);
            case State.Wait wait -> ControlStates.waitState(wait, visit);
            case State.Succeed succeed -> ControlStates.succeed(succeed, visit);
            case State.Fail fail -> ControlStates.fail(fail, visit);
            case State.Task task -> TaskStateRunner.run(task, visit);
            case State.Parallel parallel -> ParallelStateRunner.run(parallel, visit, this);
            case State.Map map -> MapStateRunner.run(map, visit, this);
        };
    }
}
