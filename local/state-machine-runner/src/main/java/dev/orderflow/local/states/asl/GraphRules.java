package dev.orderflow.local.states.asl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules over a graph of states: every transition names a state of the same graph (a branch cannot jump out
 * of itself), every state is reachable from StartAt, and the graph can end.
 */
final class GraphRules {

    private GraphRules() {
    }

    static void check(StateGraph graph, String location, List<InvalidDefinitionException.Problem> problems) {
        String prefix = location + "/States/";
        int before = problems.size();
        if (!graph.states().containsKey(graph.startAt())) {
            problems.add(new InvalidDefinitionException.Problem("MISSING_TRANSITION_TARGET",
                    "Missing 'Next' target: " + graph.startAt(), location + "/StartAt"));
        }
        for (State state : graph.states().values()) {
            for (Transition transition : transitions(state)) {
                if (!graph.states().containsKey(transition.target())) {
                    problems.add(new InvalidDefinitionException.Problem("MISSING_TRANSITION_TARGET",
                            "Missing 'Next' target: " + transition.target(), prefix + state.name() + "/" + transition.field()));
                }
            }
        }
        Set<String> reachable = reachableFrom(graph);
        for (String name : graph.states().keySet()) {
            if (!reachable.contains(name)) {
                problems.add(new InvalidDefinitionException.Problem("UNREACHABLE_STATE",
                        "State \"" + name + "\" is not reachable", prefix + name));
            }
        }
        if (problems.size() == before && graph.states().values().stream().noneMatch(GraphRules::canEnd)) {
            problems.add(new InvalidDefinitionException.Problem("MISSING_END_STATE",
                    "Workflow has no terminal state", location.isEmpty() ? "/" : location));
        }
    }

    private record Transition(String field, String target) {
    }

    private static List<Transition> transitions(State state) {
        List<Transition> transitions = new ArrayList<>();
        state.common().next().ifPresent(next -> transitions.add(new Transition("Next", next)));
        switch (state) {
            case State.Choice choice -> {
                for (int i = 0; i < choice.choices().size(); i++) {
                    transitions.add(new Transition("Choices[" + i + "]/Next", choice.choices().get(i).next()));
                }
                choice.defaultNext().ifPresent(next -> transitions.add(new Transition("Default", next)));
            }
            case State.Task task -> catchers(task.errorHandling(), transitions);
            case State.Parallel parallel -> catchers(parallel.errorHandling(), transitions);
            case State.Map map -> catchers(map.errorHandling(), transitions);
            default -> {
            }
        }
        return transitions;
    }

    private static void catchers(State.ErrorHandling handling, List<Transition> transitions) {
        for (int i = 0; i < handling.catchers().size(); i++) {
            transitions.add(new Transition("Catch[" + i + "]/Next", handling.catchers().get(i).next()));
        }
    }

    private static Set<String> reachableFrom(StateGraph graph) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.push(graph.startAt());
        while (!pending.isEmpty()) {
            String name = pending.pop();
            State state = graph.states().get(name);
            if (state == null || !seen.add(name)) {
                continue;
            }
            transitions(state).forEach(t -> pending.push(t.target()));
        }
        return seen;
    }

    private static boolean canEnd(State state) {
        return switch (state) {
            case State.Succeed succeed -> true;
            case State.Fail fail -> true;
            case State.Choice choice -> false;
            default -> state.common().next().isEmpty();
        };
    }
}
