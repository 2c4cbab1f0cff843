package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.State;

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
        return Branches.runForState(strand, "Parallel", parallel.branches().size(), 0,
                (index, branch) -> interpreter.run(parallel.branches().get(index), input, branch));
    }
}
