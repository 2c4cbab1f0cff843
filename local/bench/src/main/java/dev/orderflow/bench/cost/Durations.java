package dev.orderflow.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How long each function runs per invocation (warm) and in its init, in milliseconds: from the last
 * {@code ./orderflow bench} report when there is one, else the defaults below (stated as assumptions).
 *
 * @param source where the figures came from, for the printout
 */
public record Durations(Map<String, Double> warmMs, Map<String, Double> initMs, String source) {

    /** Assumed when no report is at hand: a DynamoDB call or a batch of StartExecutions, warm, at 1 GB. */
    public static Durations assumed() {
        return new Durations(Map.of("poller", 60.0, "validate-order", 15.0, "persist-order", 15.0, "orders-api", 15.0),
                Map.of("poller", 1500.0, "validate-order", 500.0, "persist-order", 500.0, "orders-api", 1500.0),
                "assumed (no bench report found)");
    }

    /** The report's {@code coldStart[].warmInvokeMs} and {@code initMs}; assumed figures fill any gap. */
    public static Durations fromReport(Path report) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Files.readAllBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bench report " + report, e);
        }
        Durations fallback = assumed();
        Map<String, Double> warm = new HashMap<>(fallback.warmMs());
        Map<String, Double> init = new HashMap<>(fallback.initMs());
        for (JsonNode start : json.path("coldStart")) {
            String function = start.path("function").asText();
            if (start.path("warmInvokeMs").isNumber() && start.path("warmInvokeMs").asDouble() > 0) {
                warm.put(function, start.path("warmInvokeMs").asDouble());
            }
            if (start.path("initMs").isNumber()) {
                init.put(function, start.path("initMs").asDouble() + start.path("firstInvokeMs").asDouble(0)
                        - warm.get(function));
            }
        }
        return new Durations(Map.copyOf(warm), Map.copyOf(init), "bench report " + report + " ("
                + json.path("startedAt").asText("undated") + ")");
    }

    public double warm(String function) {
        return warmMs.getOrDefault(function, assumed().warmMs().get(function));
    }

    public double init(String function) {
        return Math.max(0, initMs.getOrDefault(function, assumed().initMs().get(function)));
    }
}
