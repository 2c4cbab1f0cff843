package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.State;
import dev.orderflow.local.states.json.Json;


/**
 * Runs inline Map states: one iteration of the item processor per item (ItemsPath or Items), each with its
 * ItemSelector input, at most MaxConcurrency at a time; the result is the array of the iterations' outputs in
 * item order. The first failing iteration fails the state.
 */
final class MapStateRunner {

    private MapStateRunner() {
    }

    static Transition run(State.Map map, StateVisit visit, Interpreter interpreter) {
        DataFlow flow = DataFlow.of(visit);
        return RetryAndCatch.run(visit, flow, map.errorHandling(), () -> attempt(map, visit, flow, interpreter));
    }

    private static JsonNode attempt(State.Map map, StateVisit visit, DataFlow flow, Interpreter interpreter) {
        JsonNode items = flow.items(map);
        if (!items.isArray()) {
            throw visit.runtimeError("Map state input must be an array but was: " + Json.write(items));
        }
        int maxConcurrency = maxConcurrency(map, flow, visit);
        Strand strand = visit.strand();
        ObjectNode started = Json.object();
        started.put("length", items.size());
        strand.record("MapStateStarted", started);
        return Branches.runForState(strand, "Map", items.size(), maxConcurrency,
                (index, iteration) -> iteration(map, index, items.get(index), flow, iteration, interpreter));
    }

    private static JsonNode iteration(State.Map map, int index, JsonNode item, DataFlow flow, Strand strand,
                                      Interpreter interpreter) {
        strand.record("MapIterationStarted", iterationDetails(map, index));
        try {
            JsonNode output = interpreter.run(map.processor(), flow.itemInput(map, index, item), strand);
            strand.record("MapIterationSucceeded", iterationDetails(map, index));
            return output;
        } catch (StatesError error) {
            strand.record("MapIterationFailed", iterationDetails(map, index));
            throw error;
        } catch (ExecutionStopped stopped) {
            strand.record("MapIterationAborted", iterationDetails(map, index));
            throw stopped;
        }
    }

    private static ObjectNode iterationDetails(State.Map map, int index) {
        ObjectNode details = Json.object();
        details.put("name", map.name());
        details.put("index", index);
        return details;
    }

    private static int maxConcurrency(State.Map map, DataFlow flow, StateVisit visit) {
        if (map.maxConcurrencyPath().isPresent()) {
            String path = map.maxConcurrencyPath().get();
            JsonNode value = flow.pathValue(path).orElseThrow(() -> visit.runtimeError(
                    "The MaxConcurrencyPath field refers to a value that does not exist: " + path));
            if (!value.isIntegralNumber() || value.longValue() < 0 || value.longValue() > Integer.MAX_VALUE) {
                throw visit.runtimeError("The MaxConcurrencyPath field refers to value " + Json.write(value)
                        + " which is not a valid integer: " + path);
            }
            return value.intValue();
        }
        return map.maxConcurrency().map(field -> {
            JsonNode value = flow.field(field, "MaxConcurrency");
            if (!value.isIntegralNumber() || value.longValue() < 0) {
                throw visit.runtimeError("MaxConcurrency must be a non-negative integer, was " + Json.write(value));
            }
            return value.intValue();
        }).orElse(0);
    }
}
