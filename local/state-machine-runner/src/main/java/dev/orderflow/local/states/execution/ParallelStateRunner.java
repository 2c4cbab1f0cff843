package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs Parallel states: every branch gets the same input (after Parameters/Arguments) and runs concurrently on
 * its own strand; the result is the array of the branches' outputs, in branch order. The first failing branch
 * fails the state with its own error, and the others are stopped.
 */
final class ParallelStateRunner {

    private ParallelStateRunner() {
    }

    static Transition run(State.Parallel parallel, StateVisit visit, Interpreter interpreter) {
        DataFlow flow = DataFlow.of(visit);
        return RetryAndCatch.run(visit, flow, parallel.errorHandling(), () -> attempt(parallel, visit, flow, interpreter));
    }

    private static JsonNode attempt(State.Parallel parallel, StateVisit visit, DataFlow flow, Interpreter interpreter) {
        JsonNode input = flow.arguments();
        Strand strand = visit.strand();
        strand.record("ParallelStateStarted");
        List<Strand> branches = new ArrayList<>();
        for (int i = 0; i < parallel.branches().size(); i++) {
            branches.add(strand.branch());
        }
        try {
            List<JsonNode> outputs = Branches.runAll(branches.size(), 0,
                    index -> interpreter.run(parallel.branches().get(index), input, branches.get(index)));
            strand.joined(branches);
            ArrayNode result = Json.NODES.arrayNode();
            outputs.forEach(result::add);
            strand.record("ParallelStateSucceeded");
            return result;
        } catch (StatesError error) {
            strand.joined(branches);
            strand.record("ParallelStateFailed");
            throw error;
        } catch (ExecutionStopped.Aborted aborted) {
            strand.joined(branches);
            strand.record("ParallelStateAborted");
            throw aborted;
        }
    }
}
