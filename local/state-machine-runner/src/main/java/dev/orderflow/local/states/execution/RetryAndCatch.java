package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.asl.State;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retry and Catch for Task, Parallel and Map states. For each error, the first retrier whose ErrorEquals matches
 * decides alone: it retries after its backoff while its own attempt count allows, otherwise the error goes to the
 * catchers (the first matching one wins). Counters are per retrier and per visit of the state. On the catch
 * path, the state's own ResultSelector/ResultPath/OutputPath/Output and Assign are not applied, only the
 * catcher's.
 */
final class RetryAndCatch {

    private RetryAndCatch() {
    }

    /**
     * Runs {@code attempt} (the state's work, returning its raw result) under the state's retriers, then produces
     * the state's output; or, when a catcher handles the error, the catcher's output and next state.
     */
    static Transition run(StateVisit visit, DataFlow flow, State.ErrorHandling handling, Supplier<JsonNode> attempt) {
        State state = visit.state();
        JsonNode output;
        Map<String, JsonNode> assigned;
        try {
            JsonNode result = flow.selectResult(withRetries(visit, handling.retriers(), attempt));
            output = flow.output(result);
            assigned = flow.assignments(state.common().assign(), Optional.of(result));
        } catch (StatesError error) {
            State.Catcher catcher = handling.catchers().stream()
                    .filter(c -> ErrorNames.matches(c.errorEquals(), error.error()))
                    .findFirst()
                    .orElseThrow(() -> error);
            DataFlow.Caught caught = flow.caught(catcher, error);
            visit.exit(caught.output(), caught.assigned());
            return Transition.to(catcher.next(), caught.output());
        }
        visit.exit(output, assigned);
        return Transition.after(state, output);
    }

    private static JsonNode withRetries(StateVisit visit, List<State.Retrier> retriers, Supplier<JsonNode> attempt) {
        int[] attempts = new int[retriers.size()];
        while (true) {
            try {
                return attempt.get();
            } catch (StatesError error) {
                int index = firstMatching(retriers, error);
                if (index < 0 || attempts[index] >= retriers.get(index).maxAttempts()) {
                    throw error;
                }
                Duration delay = delay(retriers.get(index), attempts[index], visit.scope().random());
                attempts[index]++;
                visit.retried();
                visit.strand().sleep(delay);
            }
        }
    }

    private static int firstMatching(List<State.Retrier> retriers, StatesError error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (ErrorNames.matches(retriers.get(i).errorEquals(), error.error())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The wait before retry number {@code attempt + 1}: IntervalSeconds × BackoffRate^attempt, capped at
     * MaxDelaySeconds; with FULL jitter, a uniformly random part of that.
     */
    static Duration delay(State.Retrier retrier, int attempt, RandomGenerator random) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
        if (retrier.maxDelaySeconds().isPresent()) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds().get());
        }
        if (retrier.jitterStrategy() == State.JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
